package io.offlinestore.engine.tx;

import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.spi.StorageBackend;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The store's commit counter: each commit that writes gets the next number, stored in the same
 * batch as its writes, so the counter never goes back after a crash.
 */
public final class CommitSequence {
    public static final byte[] KEY = "sequence".getBytes(StandardCharsets.UTF_8);

    private long last;

    private CommitSequence(long last) {
        this.last = last;
    }

    public static CommitSequence load(StorageBackend backend) {
        backend.createKeyspace(Keyspaces.META);
        byte[] stored = backend.get(Keyspaces.META, KEY);
        return new CommitSequence(stored == null ? 0 : ByteBuffer.wrap(stored).getLong());
    }

    public static byte[] encode(long sequence) {
        return ByteBuffer.allocate(8).putLong(sequence).array();
    }

    /** The number the next commit will get (not consumed until {@link #advance}). */
    public long next() {
        return last + 1;
    }

    /** Records that the commit numbered {@link #next()} was applied. */
    public void advance() {
        last++;
    }
}
