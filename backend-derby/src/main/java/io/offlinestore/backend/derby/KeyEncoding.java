package io.offlinestore.backend.derby;

import io.offlinestore.StorageException;
import java.util.Arrays;

/**
 * How SPI keys are stored in the {@code VARCHAR FOR BIT DATA} key column.
 *
 * <p>Derby compares bit strings SQL-style: bytes as unsigned values, but when one value is a
 * prefix of the other the rest is compared against padding, so {@code X'01'} and {@code X'0120'}
 * are <em>equal</em> (0x20 is the pad byte). Stored as they are, such keys would collide in the
 * primary key. Each key is therefore stored with one {@code 0x00} byte appended. The remainder of
 * a longer encoded key then always ends in {@code 0x00}, never in padding alone, and since
 * {@code 0x00} is the smallest byte the encoding keeps unsigned lexicographic order with a
 * shorter prefix first: {@code a < b} exactly when {@code encode(a) < encode(b)} in Derby.
 *
 * <p>Derby's B-tree needs each index row to fit in about half a 32 KB page, so keys are limited
 * to {@value #MAX_KEY_BYTES} bytes (measured: about 16,200 work, 16,294 fail on the second
 * such key).
 */
final class KeyEncoding {
    /** The longest key this backend stores. */
    static final int MAX_KEY_BYTES = 16_000;

    private KeyEncoding() {
    }

    /** The stored form of a key. */
    static byte[] encode(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }

    /** The key of a stored form. */
    static byte[] decode(byte[] stored) {
        return Arrays.copyOf(stored, stored.length - 1);
    }

    /**
     * The stored form of a range bound. A bound longer than any storable key is cut to
     * {@link #MAX_KEY_BYTES} + 1 bytes first: every storable key compares the same way to the cut
     * bound as to the whole one, and equals neither.
     */
    static byte[] encodeBound(byte[] bound) {
        return encode(bound.length > MAX_KEY_BYTES ? Arrays.copyOf(bound, MAX_KEY_BYTES + 1) : bound);
    }

    /** Whether the key is short enough to be stored. */
    static boolean fits(byte[] key) {
        return key.length <= MAX_KEY_BYTES;
    }

    /** Fails with a {@link StorageException} if the key is too long to be stored. */
    static void requireFits(String keyspace, byte[] key) {
        if (!fits(key)) {
            throw new StorageException("key of " + key.length + " bytes in keyspace '" + keyspace
                    + "' is longer than the derby backend's limit of " + MAX_KEY_BYTES + " bytes");
        }
    }
}
