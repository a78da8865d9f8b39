package io.offlinestore;

import java.util.Map;

/**
 * The read cache's statistics since the store was opened, per collection read through it.
 *
 * @param maxBytes    the bound of the store-wide share ({@code StoreOptions.cacheSize}); 0 when caching is off
 * @param collections per collection, by name
 */
public record CacheStats(long maxBytes, Map<String, Collection> collections) {
    public CacheStats {
        collections = Map.copyOf(collections);
    }

    /**
     * One collection's figures.
     *
     * @param policy    its cache policy, as {@code CachePolicy.toString()} shows it
     * @param hits      reads answered from the cache
     * @param misses    reads that went to the backend
     * @param evictions documents dropped for size or idleness (not counting invalidation by writes)
     * @param weight    encoded bytes of its documents now cached
     */
    public record Collection(String policy, long hits, long misses, long evictions, long weight) {
        /** Hits over all reads; 0 before any read. */
        public double hitRate() {
            long reads = hits + misses;
            return reads == 0 ? 0 : (double) hits / reads;
        }
    }

    /** Hits over all reads across collections; 0 before any read. */
    public double hitRate() {
        long hits = collections.values().stream().mapToLong(Collection::hits).sum();
        long reads = hits + collections.values().stream().mapToLong(Collection::misses).sum();
        return reads == 0 ? 0 : (double) hits / reads;
    }

    /** Encoded bytes cached across collections. */
    public long weight() {
        return collections.values().stream().mapToLong(Collection::weight).sum();
    }
}
