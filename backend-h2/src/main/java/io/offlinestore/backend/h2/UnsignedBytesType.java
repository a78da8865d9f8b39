package io.offlinestore.backend.h2;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The MVStore data type of every key and value: a byte array, written as its length (a variable-size
 * int) and its bytes, and ordered by unsigned lexicographic comparison, the order of
 * {@link io.offlinestore.spi.KeyRange#compare}. H2 2.3's {@code ByteArrayDataType} writes the same
 * bytes but has no comparison of its own (it falls back to {@code BasicDataType.compare}, which
 * throws); 2.4 added one. Owning the type keeps the key order independent of the H2 version a build
 * resolves. The type is never recorded in the file: nothing stored is ever deserialized as an object.
 */
final class UnsignedBytesType extends BasicDataType<byte[]> {
    static final UnsignedBytesType INSTANCE = new UnsignedBytesType();

    /** What an array costs on the heap beyond its bytes, for MVStore's page-size and cache accounting. */
    private static final int ARRAY_OVERHEAD = 24;

    private UnsignedBytesType() {
    }

    @Override
    public int getMemory(byte[] data) {
        return ARRAY_OVERHEAD + data.length;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] data) {
        buffer.putVarInt(data.length).put(data);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        byte[] data = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(data);
        return data;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }

    @Override
    public int compare(byte[] one, byte[] two) {
        return Arrays.compareUnsigned(one, two);
    }
}
