package io.offlinestore.engine.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.offlinestore.CacheStats;
import io.offlinestore.StoreOptions;
import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.schema.CachePolicy;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.spi.WriteBatch;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link DocumentCache}, on Caffeine (W-TinyLFU eviction, weighted by stored size).
 * Collections with the shared policy share one cache bounded by {@link StoreOptions#cacheSize()};
 * a collection with {@link CachePolicy#of(long)} gets a cache of its own; {@link CachePolicy#none()}
 * and a cache size of 0 cache nothing. Idle expiry is per entry, so collections with and without
 * it can share. Coherence with commits rests on {@link InvalidationStamps}.
 */
public final class CaffeineDocumentCache implements DocumentCache {
    private final StoreOptions options;
    private final Ticker ticker;
    private final Cache<CacheKey, CachedRecord> shared;
    private final ConcurrentHashMap<String, CacheSegment> segments = new ConcurrentHashMap<>();
    private final InvalidationStamps stamps = new InvalidationStamps();

    @Inject
    public CaffeineDocumentCache(StoreOptions options) {
        this(options, Ticker.systemTicker());
    }

    /** A cache whose idle expiry reads time from {@code ticker} (tests move it). */
    CaffeineDocumentCache(StoreOptions options, Ticker ticker) {
        this.options = options;
        this.ticker = ticker;
        this.shared = options.cacheSize() == 0 ? null : build(options.cacheSize(), idleAnywhere(options));
    }

    @Override
    public boolean keeps(String keyspace) {
        return segment(keyspace).cache() != null;
    }

    @Override
    public StoredRecord get(String keyspace, Object id, RecordLoader loader) {
        CacheSegment segment = segment(keyspace);
        if (segment.cache() == null) {
            segment.counters().misses.increment();
            byte[] stored = loader.fetch(keyspace, id);
            return stored == null ? null : loader.decode(stored);
        }
        CacheKey cacheKey = new CacheKey(keyspace, id);
        CachedRecord hit = segment.cache().getIfPresent(cacheKey);
        if (hit != null) {
            segment.counters().hits.increment();
            return hit.record();
        }
        segment.counters().misses.increment();
        long stamp = stamps.current(cacheKey.hashCode());
        byte[] stored = loader.fetch(keyspace, id);
        if (stored == null) {
            return null;
        }
        StoredRecord record = loader.decode(stored);
        CachedRecord loaded = new CachedRecord(record, Math.max(1, stored.length), segment.idleNanos());
        segment.cache().asMap().compute(cacheKey,
                (k, present) -> present == null && stamps.current(k.hashCode()) == stamp ? loaded : present);
        return record;
    }

    @Override
    public void invalidate(WriteBatch applied) {
        for (WriteBatch.Operation operation : applied.operations()) {
            if (!Keyspaces.isDocuments(operation.keyspace())) {
                continue;
            }
            CacheKey key = new CacheKey(operation.keyspace(), DocumentIds.toJava(KeyCodec.decodeLast(operation.key())));
            stamps.advance(key.hashCode());
            CacheSegment segment = segments.get(operation.keyspace());
            if (segment != null && segment.cache() != null) {
                segment.cache().invalidate(key);
            }
        }
    }

    @Override
    public CacheStats stats() {
        Map<String, CacheStats.Collection> collections = new TreeMap<>();
        segments.values().forEach(segment -> {
            if (segment.cache() != null) {
                segment.cache().cleanUp();
            }
            collections.put(Keyspaces.collectionOf(segment.keyspace()), segment.stats());
        });
        return new CacheStats(options.cacheSize(), collections);
    }

    private CacheSegment segment(String keyspace) {
        CacheSegment segment = segments.get(keyspace);
        return segment != null ? segment : segments.computeIfAbsent(keyspace, this::newSegment);
    }

    private CacheSegment newSegment(String keyspace) {
        String collection = Keyspaces.collectionOf(keyspace);
        CachePolicy policy = options.collection(collection).map(CollectionSchema::cache).orElse(CachePolicy.shared());
        if (shared == null) {
            policy = CachePolicy.none();
        }
        long idle = policy.idleExpiry().map(Duration::toNanos).orElse(Long.MAX_VALUE);
        CollectionCounters counters = new CollectionCounters();
        if (!policy.enabled()) {
            return new CacheSegment(keyspace, policy, null, false, idle, counters);
        }
        if (policy.maxBytes().isPresent()) {
            return new CacheSegment(keyspace, policy, build(policy.maxBytes().getAsLong(), policy.idleExpiry().isPresent()),
                    true, idle, counters);
        }
        return new CacheSegment(keyspace, policy, shared, false, idle, counters);
    }

    private Cache<CacheKey, CachedRecord> build(long maxBytes, boolean expiring) {
        Caffeine<CacheKey, CachedRecord> builder = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((CacheKey key, CachedRecord value) -> value.weight())
                .evictionListener(this::evicted)
                .executor(Runnable::run);
        if (expiring) {
            builder.expireAfter(new IdleExpiry()).ticker(ticker);
        }
        return builder.build();
    }

    private void evicted(CacheKey key, CachedRecord value, RemovalCause cause) {
        CacheSegment segment = key == null ? null : segments.get(key.keyspace());
        if (segment != null && cause.wasEvicted()) {
            segment.counters().evictions.increment();
        }
    }

    /** Whether any declared collection in the shared cache expires idle documents. */
    private static boolean idleAnywhere(StoreOptions options) {
        return options.collections().stream().map(CollectionSchema::cache)
                .anyMatch(p -> p.enabled() && p.maxBytes().isEmpty() && p.idleExpiry().isPresent());
    }

    /** Each entry's idle time, restarted by every read and write. */
    private static final class IdleExpiry implements Expiry<CacheKey, CachedRecord> {
        @Override
        public long expireAfterCreate(CacheKey key, CachedRecord value, long currentTime) {
            return value.idleNanos();
        }

        @Override
        public long expireAfterUpdate(CacheKey key, CachedRecord value, long currentTime, long currentDuration) {
            return value.idleNanos();
        }

        @Override
        public long expireAfterRead(CacheKey key, CachedRecord value, long currentTime, long currentDuration) {
            return value.idleNanos();
        }
    }
}
