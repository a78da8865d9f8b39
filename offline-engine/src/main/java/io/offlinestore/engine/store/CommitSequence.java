package io.offlinestore.engine.store;

import io.offlinestore.spi.StorageBackend;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The store's commit counter: each commit that writes gets the next number, stored in the same
 * batch as its writes, so the counter never goes back after a crash.
 */
final class CommitSequence {
    static final byte[] KEY = "sequence".getBytes(StandardCharsets.UTF_8);

    private long last;

    private CommitSequence(long last) {
        this.last = last;
    }

    static CommitSequence load(StorageBackend backend) {
        backend.createKeyspace(Keyspaces.META);
        byte[] stored = backend.get(Keyspaces.META, KEY);
        return new CommitSequence(stored == null ? 0 : ByteBuffer.wrap(stored).getLong());
    }

    static byte[] encode(long sequence) {
        return ByteBuffer.allocate(8).putLong(sequence).array();
    }

    /** The number the next commit will get (not consumed until {@link #advance}). */
    long next() {
        return last + 1;
    }

    /** Records that the commit numbered {@link #next()} was applied. */
    void advance() {
        last++;
    }

    long last() {
        return last;
    }
}
