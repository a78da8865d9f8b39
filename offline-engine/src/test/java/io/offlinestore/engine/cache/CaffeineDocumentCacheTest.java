package io.offlinestore.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.CacheStats;
import io.offlinestore.StorageException;
import io.offlinestore.StoreOptions;
import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.internal.Json;
import io.offlinestore.schema.CachePolicy;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CaffeineDocumentCacheTest {
    private static final String NOTES = Keyspaces.documents("notes");

    /** Stored records by key, each value's body holding its text; counts fetches and can act mid-fetch. */
    private static final class Loader implements RecordLoader {
        final Map<Object, byte[]> stored = new HashMap<>();
        int fetches;
        Runnable duringFetch = () -> { };

        @Override
        public byte[] fetch(String keyspace, Object id) {
            fetches++;
            byte[] value = stored.get(id);
            duringFetch.run();
            return value;
        }

        @Override
        public StoredRecord decode(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.equals("damaged")) {
                throw new StorageException("cannot decode");
            }
            return new StoredRecord(1, 1, 0, 0, Json.MAPPER.createObjectNode().put("text", text));
        }

        void store(String id, String text) {
            stored.put(id, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The document key a commit writes for the id. */
    private static byte[] key(String id) {
        return DocumentIds.encode(DocumentIds.fromJava(id, "notes"), "notes");
    }

    private static StoreOptions options(long cacheSize, CollectionSchema... schemas) {
        StoreOptions.Builder builder = StoreOptions.builder().backend("memory").cacheSize(cacheSize);
        for (CollectionSchema schema : schemas) {
            builder.collection(schema);
        }
        return builder.build();
    }

    private static String text(StoredRecord record) {
        return record.body().get("text").textValue();
    }

    @Test
    void aHitReturnsTheCachedRecordWithoutLoading() {
        DocumentCache cache = new CaffeineDocumentCache(options(1 << 20));
        Loader loader = new Loader();
        loader.store("a", "one");
        StoredRecord first = cache.get(NOTES, "a", loader);
        assertSame(first, cache.get(NOTES, "a", loader));
        assertEquals(1, loader.fetches);
        CacheStats.Collection stats = cache.stats().collections().get("notes");
        assertEquals(1, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals("one".length(), stats.weight(), "weighed by its stored bytes");
    }

    @Test
    void aCommitAppliedWhileALoadReadTheOldValueKeepsThatValueOutOfTheCache() {
        DocumentCache cache = new CaffeineDocumentCache(options(1 << 20));
        Loader loader = new Loader();
        loader.store("a", "old");
        loader.duringFetch = () -> {
            loader.duringFetch = () -> { };
            loader.store("a", "new");
            cache.invalidate(new WriteBatch().put(NOTES, key("a"), "new".getBytes(StandardCharsets.UTF_8)));
        };
        assertEquals("old", text(cache.get(NOTES, "a", loader)), "the racing read returns what it read");
        assertEquals("new", text(cache.get(NOTES, "a", loader)), "but did not cache it");
        assertEquals(2, loader.fetches);
    }

    @Test
    void invalidationForgetsWrittenAndDeletedDocumentsOnly() {
        DocumentCache cache = new CaffeineDocumentCache(options(1 << 20));
        Loader loader = new Loader();
        loader.store("a", "a1");
        loader.store("b", "b1");
        loader.store("c", "c1");
        cache.get(NOTES, "a", loader);
        cache.get(NOTES, "b", loader);
        cache.get(NOTES, "c", loader);
        loader.store("a", "a2");
        loader.stored.remove("b");
        cache.invalidate(new WriteBatch().put(NOTES, key("a"), new byte[0]).delete(NOTES, key("b"))
                .put("idx.notes.text.x", key("c"), new byte[0]));
        assertEquals("a2", text(cache.get(NOTES, "a", loader)));
        assertNull(cache.get(NOTES, "b", loader));
        int fetches = loader.fetches;
        assertEquals("c1", text(cache.get(NOTES, "c", loader)), "an index entry's key is not a document's");
        assertEquals(fetches, loader.fetches);
    }

    @Test
    void anUndecodableRecordIsNotCached() {
        DocumentCache cache = new CaffeineDocumentCache(options(1 << 20));
        Loader loader = new Loader();
        loader.store("a", "damaged");
        assertThrows(StorageException.class, () -> cache.get(NOTES, "a", loader));
        loader.store("a", "fixed");
        assertEquals("fixed", text(cache.get(NOTES, "a", loader)));
    }

    @Test
    void noneAndACacheSizeOfZeroLoadEveryTime() {
        Loader loader = new Loader();
        loader.store("a", "x");
        DocumentCache off = new CaffeineDocumentCache(options(0));
        DocumentCache none = new CaffeineDocumentCache(options(1 << 20,
                CollectionSchema.builder("notes").cache(CachePolicy.none()).build()));
        for (DocumentCache cache : new DocumentCache[] {off, none}) {
            cache.get(NOTES, "a", loader);
            cache.get(NOTES, "a", loader);
            assertEquals(0, cache.stats().collections().get("notes").hits());
        }
        assertEquals(4, loader.fetches);
    }

    @Test
    void aCollectionsOwnBoundHoldsAndTheSharedOneIsUntouched() {
        DocumentCache cache = new CaffeineDocumentCache(options(1 << 20,
                CollectionSchema.builder("notes").cache(CachePolicy.of(100)).build()));
        Loader loader = new Loader();
        for (int i = 0; i < 20; i++) {
            loader.store("k" + i, "x".repeat(20));
            cache.get(NOTES, "k" + i, loader);
        }
        loader.store("k0", "y");
        cache.get(Keyspaces.documents("other"), "k0", loader);
        CacheStats stats = cache.stats();
        assertTrue(stats.collections().get("notes").weight() <= 100, stats.toString());
        assertTrue(stats.collections().get("notes").evictions() >= 15, stats.toString());
        assertEquals(0, stats.collections().get("other").evictions());
        assertEquals(1, stats.collections().get("other").weight());
    }

    @Test
    void idleDocumentsExpireWhileReadOnesStay() {
        AtomicLong now = new AtomicLong();
        DocumentCache cache = new CaffeineDocumentCache(options(1 << 20,
                CollectionSchema.builder("notes").cache(CachePolicy.expireAfterAccess(Duration.ofMinutes(5))).build()),
                now::get);
        Loader loader = new Loader();
        loader.store("idle", "i");
        loader.store("busy", "b");
        cache.get(NOTES, "idle", loader);
        cache.get(NOTES, "busy", loader);
        cache.get(Keyspaces.documents("other"), "idle", loader);
        for (int minute = 0; minute < 8; minute++) {
            now.addAndGet(TimeUnit.MINUTES.toNanos(1));
            cache.get(NOTES, "busy", loader);
        }
        int fetches = loader.fetches;
        cache.get(NOTES, "idle", loader);
        cache.get(Keyspaces.documents("other"), "idle", loader);
        assertEquals(fetches + 1, loader.fetches, "only the idle document of the expiring collection was reloaded");
        assertEquals(8, cache.stats().collections().get("notes").hits());
    }
}
