package io.offlinestore.engine.cache;

import io.offlinestore.CacheStats;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.spi.WriteBatch;

/**
 * The engine's read cache of stored documents, bound in Guice so an application can replace it
 * ({@code Modules.override(new OfflineStoreModule(options)).with(...)}). Records are handed out
 * shared: callers never change them.
 *
 * <p>The contract an implementation must keep: once {@link #invalidate} has returned for a batch,
 * no {@link #get} that starts afterwards, on any thread, returns a record older than that batch
 * left, even when a load that began before the batch was applied completes after it.
 */
public interface DocumentCache {

    /**
     * The record of the document with this id (a String or a Long, as users see ids) in a
     * documents keyspace: the cached one, or the one the loader reads (kept when the collection's
     * policy allows); null when there is none.
     *
     * @throws io.offlinestore.StorageException when the stored bytes cannot be decoded (nothing is cached)
     */
    StoredRecord get(String keyspace, Object id, RecordLoader loader);

    /**
     * Whether documents of this documents keyspace are kept (false for a collection whose policy is
     * {@code none}, or when the cache is off): readers of many documents then fetch them in bulk.
     */
    boolean keeps(String keyspace);

    /** Forgets every document the batch wrote or deleted; called after the backend applied it. */
    void invalidate(WriteBatch applied);

    /** Hits, misses, evictions and weight per collection since the store opened. */
    CacheStats stats();

    /** A cache that keeps nothing: every get loads (for reads that must see unapplied commits). */
    static DocumentCache uncached() {
        return UncachedDocuments.INSTANCE;
    }
}
