package io.offlinestore.engine.cache;

import java.util.Arrays;

/** A cached document's key: its documents keyspace and encoded id, compared by content. */
final class CacheKey {
    private final String keyspace;
    private final byte[] id;
    private final int hash;

    CacheKey(String keyspace, byte[] id) {
        this.keyspace = keyspace;
        this.id = id;
        this.hash = 31 * keyspace.hashCode() + Arrays.hashCode(id);
    }

    String keyspace() {
        return keyspace;
    }

    int length() {
        return id.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey other && hash == other.hash && keyspace.equals(other.keyspace)
                && Arrays.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return keyspace + "/" + Arrays.toString(id);
    }
}
