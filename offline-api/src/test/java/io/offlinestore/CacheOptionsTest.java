package io.offlinestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.schema.CachePolicy;
import io.offlinestore.schema.CollectionSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read cache's options: in code, in config files, and their bad values. */
class CacheOptionsTest {
    @TempDir
    Path dir;

    private StoreOptions load(String name, String text) throws IOException {
        return StoreOptions.load(Files.writeString(dir.resolve(name), text));
    }

    private static CachePolicy policyOf(StoreOptions options, String collection) {
        return options.collection(collection).orElseThrow().cache();
    }

    @Test
    void theCacheSizeAndEachCollectionsPolicyLoadFromYaml() throws IOException {
        StoreOptions options = load("store.yaml", """
                offline:
                  backend: memory
                  cache-size: 64MB
                  collections:
                    logs: { cache: none }
                    users: { cache: { max-bytes: 512KB, expire-after-access: PT10M } }
                    sessions: { cache: { expire-after-access: PT5M } }
                    notes: { cache: shared }
                """);
        assertEquals(64L << 20, options.cacheSize());
        assertEquals(CachePolicy.none(), policyOf(options, "logs"));
        assertEquals(CachePolicy.of(512L << 10, Duration.ofMinutes(10)), policyOf(options, "users"));
        assertEquals(CachePolicy.expireAfterAccess(Duration.ofMinutes(5)), policyOf(options, "sessions"));
        assertEquals(CachePolicy.shared(), policyOf(options, "notes"));
    }

    @Test
    void propertiesTakeTheSameKeys() throws IOException {
        StoreOptions options = load("store.properties", """
                offline.backend=memory
                offline.cache-size=0
                offline.collections.users.cache.max-bytes=1048576
                """);
        assertEquals(0, options.cacheSize());
        assertEquals(CachePolicy.of(1 << 20), policyOf(options, "users"));
    }

    @Test
    void badValuesNameTheirKey() {
        ConfigurationException size = assertThrows(ConfigurationException.class,
                () -> load("a.yaml", "offline: { backend: memory, cache-size: lots }"));
        assertTrue(size.getMessage().contains("offline.cache-size must be a byte count"), size.getMessage());
        ConfigurationException policy = assertThrows(ConfigurationException.class,
                () -> load("b.yaml", "offline: { backend: memory, collections: { logs: { cache: sometimes } } }"));
        assertTrue(policy.getMessage().contains("offline.collections.logs.cache must be none, shared"), policy.getMessage());
        ConfigurationException key = assertThrows(ConfigurationException.class,
                () -> load("c.yaml", "offline: { backend: memory, collections: { logs: { cache: { max: 1 } } } }"));
        assertTrue(key.getMessage().contains("offline.collections.logs.cache.max is not a known key"), key.getMessage());
        ConfigurationException zero = assertThrows(ConfigurationException.class,
                () -> load("d.yaml", "offline: { backend: memory, collections: { logs: { cache: { max-bytes: 0 } } } }"));
        assertTrue(zero.getMessage().contains("cache size must be positive"), zero.getMessage());
    }

    @Test
    void theBuildersRejectBadValuesAtOnce() {
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().cacheSize(-1));
        assertThrows(ConfigurationException.class, () -> CachePolicy.of(0));
        assertThrows(ConfigurationException.class, () -> CachePolicy.expireAfterAccess(Duration.ZERO));
        assertTrue(StoreOptions.builder().backend("memory").build().cacheSize() > 0, "caching is on by default");
        assertEquals(CachePolicy.shared(), CollectionSchema.builder("notes").build().cache());
    }

    @Test
    void thePolicyIsARuntimeSettingNotPartOfTheStoredSchema() {
        CollectionSchema plain = CollectionSchema.builder("notes").build();
        CollectionSchema uncached = plain.toBuilder().cache(CachePolicy.none()).build();
        assertEquals(plain, uncached, "a changed cache policy does not change the schema the catalog compares");
        assertEquals(CachePolicy.none(), uncached.toBuilder().build().cache(), "toBuilder keeps the policy");
    }
}
