package io.offlinestore.engine.evict;

import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.tx.SizeDelta;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each collection's document count and bytes (encoded key plus stored record), the usage the
 * size limit and the byte-bounded policies are checked against. A collection is counted by one
 * scan the first time it is asked about, then kept in step by adding each commit's
 * {@link SizeDelta}; both happen under the store's write lock against the backend as the commit
 * path sees it, so no commit is missed or counted twice. Nothing is persisted: a reopened store
 * counts again on first need.
 */
public final class UsageTracker {
    private final Map<String, long[]> usage = new ConcurrentHashMap<>();

    /** Adds a commit's deltas to the collections already counted. Call under the write lock. */
    public void apply(Map<String, SizeDelta> deltas) {
        deltas.forEach((collection, delta) -> usage.computeIfPresent(collection, (c, u) ->
                new long[] {u[0] + delta.documents(), u[1] + delta.bytes()}));
    }

    /** The collection's {@code {documents, bytes}}, counting it first if needed. Call under the write lock. */
    public long[] of(CollectionState state, StorageBackend view) {
        return usage.computeIfAbsent(state.name(), n -> count(state, view)).clone();
    }

    /** The bytes of every collection, counting those not yet counted. Call under the write lock. */
    public long totalBytes(Collection<CollectionState> states, StorageBackend view) {
        long total = 0;
        for (CollectionState state : states) {
            total += of(state, view)[1];
        }
        return total;
    }

    /** Forgets a collection's count (it is counted again on next need). */
    public void forget(String collection) {
        usage.remove(collection);
    }

    private static long[] count(CollectionState state, StorageBackend view) {
        long documents = 0;
        long bytes = 0;
        if (state.stored()) {
            try (KeyValueCursor cursor = view.scan(state.documentsKeyspace(), KeyRange.all(), false)) {
                while (cursor.hasNext()) {
                    KeyValue entry = cursor.next();
                    documents++;
                    bytes += entry.key().length + entry.value().length;
                }
            }
        }
        return new long[] {documents, bytes};
    }
}
