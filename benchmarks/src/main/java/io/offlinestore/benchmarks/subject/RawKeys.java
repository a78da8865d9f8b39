package io.offlinestore.benchmarks.subject;

import java.nio.ByteBuffer;

/**
 * The keys of the raw key-value baselines (MapDB, MVStore): numbers big-endian with the sign bit
 * flipped, so that unsigned byte order is numeric order.
 */
final class RawKeys {
    private RawKeys() {
    }

    /** A document's key: its 8-byte id. */
    static byte[] id(long id) {
        return ByteBuffer.allocate(Long.BYTES).putLong(id ^ Long.MIN_VALUE).array();
    }

    /** An index entry's key: the 4-byte {@code group}, then the document's id. */
    static byte[] index(int group, long id) {
        return ByteBuffer.allocate(Integer.BYTES + Long.BYTES)
                .putInt(group ^ Integer.MIN_VALUE).putLong(id ^ Long.MIN_VALUE).array();
    }

    /** The document key an index key points to. */
    static byte[] documentOf(byte[] indexKey) {
        return id(ByteBuffer.wrap(indexKey).getLong(Integer.BYTES) ^ Long.MIN_VALUE);
    }
}
