package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.CacheStats;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.schema.CachePolicy;
import io.offlinestore.schema.CollectionSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caching guide's code: sizing the cache, per-collection policies, statistics. */
class CachingExample {
    @TempDir
    Path dir;

    @Test
    void sizeThePoliciesAndReadTheStatistics() {
        // region policies
        StoreOptions options = StoreOptions.builder()
                .backend("memory")
                .cacheSize(64L << 20)                       // 64 MB of encoded documents, shared
                .collection(CollectionSchema.builder("users")
                        .cache(CachePolicy.of(8L << 20))    // a cache of its own: 8 MB
                        .build())
                .collection(CollectionSchema.builder("sessions")
                        .cache(CachePolicy.expireAfterAccess(Duration.ofMinutes(10)))
                        .build())
                .collection(CollectionSchema.builder("audit")
                        .cache(CachePolicy.none())          // written often, read once
                        .build())
                .build();
        // endregion policies
        try (OfflineStore store = OfflineStore.open(options)) {
            DocumentCollection users = store.collection("users");
            users.create(Document.parse("{\"id\": \"u1\", \"name\": \"Ada\"}"));
            users.get("u1");
            // region stats
            users.get("u1");                                  // served from the cache
            CacheStats.Collection stats = store.cacheStats().collections().get("users");
            // stats.hits() == 1, stats.misses() == 1, stats.hitRate() == 0.5,
            // stats.weight() == the encoded bytes of u1, stats.policy() == "8388608 bytes"
            // endregion stats
            assertEquals(1, stats.hits());
            assertEquals(1, stats.misses());
            assertEquals(0.5, stats.hitRate());
            assertTrue(stats.weight() > 0);
            assertEquals("8388608 bytes", stats.policy());
        }
    }

    @Test
    void policiesFromAConfigFile() throws IOException {
        Path file = Files.writeString(dir.resolve("store.yaml"), """
                offline:
                  backend: memory
                  cache-size: 64MB
                  collections:
                    users:    { cache: { max-bytes: 8MB } }
                    sessions: { cache: { expire-after-access: PT10M } }
                    audit:    { cache: none }
                """);
        StoreOptions options = StoreOptions.load(file);
        assertEquals(64L << 20, options.cacheSize());
        assertEquals(CachePolicy.of(8L << 20), options.collection("users").orElseThrow().cache());
        assertEquals(CachePolicy.expireAfterAccess(Duration.ofMinutes(10)),
                options.collection("sessions").orElseThrow().cache());
        assertEquals(CachePolicy.none(), options.collection("audit").orElseThrow().cache());
    }
}
