package io.offlinestore.backend.mapdb;

import java.io.File;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/**
 * One growable array in the heap: where MapDB's {@code StoreWAL} keeps the records of the
 * transaction under way. MapDB 3.1.0 never replays that log after a crash (the {@link Journal}
 * does the crash recovery), so it needs neither a file nor an fsync; it lives from the first write
 * of a transaction to its commit or rollback, and holds about the bytes the transaction writes.
 * Unsliced, so records may span any offset.
 */
final class ScratchVolume extends Volume {
    private static final int INITIAL_BYTES = 16 * 1024;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes = new byte[0];

    @Override
    public synchronized void ensureAvailable(long offset) {
        if (offset > bytes.length) {
            if (offset > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("transaction log larger than 2 GB");
            }
            long grown = Math.max(INITIAL_BYTES, Math.max(offset, 2L * bytes.length));
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
    }

    @Override
    public synchronized void truncate(long size) {
        bytes = Arrays.copyOf(bytes, (int) size);
    }

    @Override
    public void putLong(long offset, long value) {
        LONG.set(bytes, (int) offset, value);
    }

    @Override
    public void putInt(long offset, int value) {
        INT.set(bytes, (int) offset, value);
    }

    @Override
    public void putByte(long offset, byte value) {
        bytes[(int) offset] = value;
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        System.arraycopy(src, srcPos, bytes, (int) offset, srcSize);
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        buf.get(bytes, (int) offset, buf.remaining());
    }

    @Override
    public long getLong(long offset) {
        return (long) LONG.get(bytes, (int) offset);
    }

    @Override
    public int getInt(long offset) {
        return (int) INT.get(bytes, (int) offset);
    }

    @Override
    public byte getByte(long offset) {
        return bytes[(int) offset];
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        return new DataInput2.ByteArray(bytes, (int) offset);
    }

    @Override
    public void getData(long offset, byte[] target, int targetPos, int size) {
        System.arraycopy(bytes, (int) offset, target, targetPos, size);
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        Arrays.fill(bytes, (int) startOffset, (int) endOffset, (byte) 0);
    }

    @Override
    public void close() {
        closed.set(true);
        bytes = new byte[0];
    }

    /** Nothing to force: the log is never read after the process ends. */
    @Override
    public void sync() {
        // intentionally empty, see the class comment
    }

    @Override
    public int sliceSize() {
        return -1;
    }

    @Override
    public boolean isSliced() {
        return false;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return null;
    }

    @Override
    public boolean getFileLocked() {
        return false;
    }
}
