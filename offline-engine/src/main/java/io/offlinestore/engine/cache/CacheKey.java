package io.offlinestore.engine.cache;

/**
 * A cached document's key: its documents keyspace and its id as users see it (a String or a
 * Long), so a get by id needs no key encoding on a hit.
 */
final class CacheKey {
    private final String keyspace;
    private final Object id;
    private final int hash;

    CacheKey(String keyspace, Object id) {
        this.keyspace = keyspace;
        this.id = id;
        this.hash = 31 * keyspace.hashCode() + id.hashCode();
    }

    String keyspace() {
        return keyspace;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey other && hash == other.hash && keyspace.equals(other.keyspace)
                && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return keyspace + "/" + id;
    }
}
