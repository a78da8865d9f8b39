package io.offlinestore.engine.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.offlinestore.CacheStats;
import io.offlinestore.schema.CachePolicy;

/**
 * Where one collection's documents are cached: the store-wide Caffeine cache, one of its own, or
 * none ({@code cache} null), with its policy and counters.
 */
record CacheSegment(String keyspace, CachePolicy policy, Cache<CacheKey, CachedRecord> cache, boolean dedicated,
                    long idleNanos, CollectionCounters counters) {

    /** The collection's figures now; its weight is summed over its entries in a shared cache. */
    CacheStats.Collection stats() {
        long weight = 0;
        if (cache != null && dedicated) {
            weight = cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        } else if (cache != null) {
            weight = cache.asMap().entrySet().stream().filter(e -> e.getKey().keyspace().equals(keyspace))
                    .mapToLong(e -> e.getValue().weight()).sum();
        }
        return new CacheStats.Collection(policy.toString(), counters.hits.sum(), counters.misses.sum(),
                counters.evictions.sum(), weight);
    }
}
