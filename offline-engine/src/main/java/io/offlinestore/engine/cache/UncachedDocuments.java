package io.offlinestore.engine.cache;

import io.offlinestore.CacheStats;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.spi.WriteBatch;
import java.util.Map;

/** The {@link DocumentCache} that keeps nothing. */
final class UncachedDocuments implements DocumentCache {
    static final UncachedDocuments INSTANCE = new UncachedDocuments();

    private UncachedDocuments() {
    }

    @Override
    public StoredRecord get(String keyspace, Object id, RecordLoader loader) {
        byte[] stored = loader.fetch(keyspace, id);
        return stored == null ? null : loader.decode(stored);
    }

    @Override
    public boolean keeps(String keyspace) {
        return false;
    }

    @Override
    public void invalidate(WriteBatch applied) {
        // nothing is kept, so nothing goes stale
    }

    @Override
    public CacheStats stats() {
        return new CacheStats(0, Map.of());
    }
}
