package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ClearOptions;
import io.offlinestore.ConstraintViolationException;
import io.offlinestore.Document;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.EvictionResult;
import io.offlinestore.EvictionStrategy;
import io.offlinestore.OfflineStore;
import io.offlinestore.StorageInfo;
import io.offlinestore.StorageQuotaExceededException;
import io.offlinestore.StoreOptions;
import io.offlinestore.schema.CollectionSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage management guide's code, run as a test. */
class StorageManagementExample {

    private static void write(OfflineStore store, String collection, int from, int to) {
        List<Document> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(Document.parse("{\"id\": " + i + ", \"text\": \"" + "x".repeat(200) + "\"}"));
        }
        store.collection(collection).createBatch(batch);
    }

    @Test
    void policiesAndEviction(@TempDir Path directory) {
        // region options
        StoreOptions options = StoreOptions.builder().backend("mapdb").path(directory)
                .sizeLimit(512L * 1024 * 1024)                       // 512 MB of documents
                .evictionStrategy(EvictionStrategy.LRU)              // past it, evict least recently used
                .evictionInterval(Duration.ofMinutes(10))            // and run a pass every ten minutes
                .collection(CollectionSchema.builder("logs")
                        .eviction(EvictionPolicy.maxAge(Duration.ofDays(7)))
                        .build())
                .collection(CollectionSchema.builder("drafts")
                        .eviction(EvictionPolicy.none())             // never evicted, even for the limit
                        .build())
                .build();
        // endregion options
        try (OfflineStore store = OfflineStore.open(options)) {
            write(store, "thumbnails", 0, 100);
            // region policy
            store.setEvictionPolicy("thumbnails", EvictionPolicy.maxDocuments(50));
            store.setEvictionPolicy("feed", EvictionPolicy.lru(10 * 1024 * 1024));
            // endregion policy
            store.markSynchronized(store.getChanges());
            // region evict
            EvictionResult result = store.evict();
            long thumbnails = result.evicted().getOrDefault("thumbnails", 0L);  // documents removed there
            long protectedDocuments = result.kept();                          // pending or restricted, kept
            // endregion evict
            assertTrue(thumbnails >= 50, "evicted " + thumbnails);
            assertEquals(0, protectedDocuments);
            assertTrue(store.collection("thumbnails").count() <= 50);
            // region info
            StorageInfo info = store.storageInfo();
            long available = info.availableBytes();                 // the limit minus the documents' bytes
            StorageInfo.CollectionUsage logs = info.collections().get("logs");
            EvictionPolicy policy = logs.eviction();                // max-age 7d
            long unsynced = logs.pendingChanges();
            // endregion info
            assertTrue(available > 0 && available <= 512L * 1024 * 1024);
            assertEquals(EvictionPolicy.maxAge(Duration.ofDays(7)), policy);
            assertEquals(0, unsynced);
        }
    }

    @Test
    void quota() {
        StoreOptions options = StoreOptions.builder().backend("memory").sizeLimit(16 * 1024).build();
        try (OfflineStore store = OfflineStore.open(options)) {
            write(store, "notes", 0, 40);
            Document note = Document.parse("{\"id\": \"big\", \"text\": \"" + "y".repeat(20_000) + "\"}");
            // region quota
            try {
                store.collection("notes").create(note);
            } catch (StorageQuotaExceededException e) {
                // nothing of the write was stored; e.limit(), e.usage() and e.collection() say why
            }
            // endregion quota
            assertTrue(store.collection("notes").get("big").isEmpty());
            assertThrows(StorageQuotaExceededException.class, () -> store.collection("notes").create(note));
        }
    }

    @Test
    void clearAndCompact(@TempDir Path directory) {
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(directory).build())) {
            write(store, "cache", 0, 100);
            assertThrows(ConstraintViolationException.class, () -> store.clear("cache"));
            // region clear
            store.clear(ClearOptions.discardPending(), "cache");   // also drops its unsynchronized changes
            long reclaimed = store.compact();                       // bytes the files shrank by
            // endregion clear
            assertEquals(0, store.collection("cache").count());
            assertTrue(reclaimed >= 0);
            assertTrue(store.getChanges().isEmpty());
        }
    }

    @Test
    void configFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("offline.yaml");
        Files.writeString(file, """
                offline:
                  backend: memory
                  size-limit: 256MB
                  eviction-strategy: lru
                  eviction-interval: 10m
                  collections:
                    logs:
                      eviction: {strategy: max-age, max-age: 7d}
                    thumbnails:
                      eviction: {strategy: max-documents, max-documents: 500}
                """);
        StoreOptions options = StoreOptions.load(file);
        assertEquals(256L << 20, options.sizeLimit().getAsLong());
        assertEquals(EvictionStrategy.LRU, options.evictionStrategy());
        assertEquals(Duration.ofMinutes(10), options.evictionInterval().orElseThrow());
        assertEquals(EvictionPolicy.maxAge(Duration.ofDays(7)),
                options.collection("logs").orElseThrow().eviction().orElseThrow());
        assertEquals(EvictionPolicy.maxDocuments(500),
                options.collection("thumbnails").orElseThrow().eviction().orElseThrow());
    }
}
