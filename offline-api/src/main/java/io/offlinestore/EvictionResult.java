package io.offlinestore;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an eviction pass removed.
 *
 * @param evicted per collection, the number of documents evicted (collections that lost none
 *                are absent)
 * @param kept    documents the policies would have evicted but kept because they have
 *                unsynchronized changes or a {@code restrict} relationship protects them
 */
public record EvictionResult(Map<String, Long> evicted, long kept) {
    public EvictionResult {
        evicted = Map.copyOf(new TreeMap<>(evicted));
    }

    /** How many documents were evicted in all. */
    public long total() {
        return evicted.values().stream().mapToLong(Long::longValue).sum();
    }
}
