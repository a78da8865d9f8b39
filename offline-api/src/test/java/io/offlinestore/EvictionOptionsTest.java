package io.offlinestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.schema.CollectionSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eviction policies, the size limit and their config keys: parsed, printed back, and refused when wrong. */
class EvictionOptionsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void policiesParseFromTheTextTheyPrint() {
        for (EvictionPolicy policy : new EvictionPolicy[] {EvictionPolicy.none(), EvictionPolicy.maxAge(Duration.ofDays(7)),
                EvictionPolicy.maxAge(Duration.ofMillis(1500)), EvictionPolicy.maxSize(10L << 20),
                EvictionPolicy.maxSize(1000), EvictionPolicy.maxDocuments(500), EvictionPolicy.lru(3L << 30)}) {
            assertEquals(policy, EvictionPolicy.parse(policy.toString()), policy.toString());
        }
        assertEquals("max-age 7d", EvictionPolicy.maxAge(Duration.ofDays(7)).toString());
        assertEquals("max-size 10MB", EvictionPolicy.parse("max-size", "10mb").toString());
        assertEquals(EvictionPolicy.maxAge(Duration.ofHours(12)), EvictionPolicy.parse("max-age", "PT12H"));
    }

    @Test
    void badPoliciesAndLimitsAreRefusedSayingWhy() {
        assertTrue(assertThrows(ConfigurationException.class, () -> EvictionPolicy.parse("fifo", "1")).getMessage()
                .contains("unknown eviction strategy 'fifo'"));
        assertTrue(assertThrows(ConfigurationException.class, () -> EvictionPolicy.parse("max-age", null)).getMessage()
                .contains("needs a value"));
        assertTrue(assertThrows(ConfigurationException.class, () -> EvictionPolicy.parse("max-size", "ten"))
                .getMessage().contains("'ten' is not a size"));
        assertThrows(ConfigurationException.class, () -> EvictionPolicy.parse("none", "3"));
        assertThrows(ConfigurationException.class, () -> EvictionPolicy.maxDocuments(0));
        assertThrows(ConfigurationException.class, () -> EvictionPolicy.maxAge(Duration.ZERO));
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().sizeLimit(-1));
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().evictionInterval(Duration.ZERO));
    }

    @Test
    void propertiesFilesCarryTheSameKeysAsYaml() throws IOException {
        Path file = write("store.properties", """
                offline.backend=memory
                offline.size-limit=64KB
                offline.eviction-strategy=LRU
                offline.collections.logs.eviction.strategy=lru
                offline.collections.logs.eviction.lru=1MB
                offline.collections.tmp.eviction=max-documents 10
                """);
        StoreOptions options = StoreOptions.load(file);
        assertEquals(64 * 1024, options.sizeLimit().getAsLong());
        assertEquals(EvictionStrategy.LRU, options.evictionStrategy());
        assertEquals(EvictionPolicy.lru(1 << 20), options.collection("logs").flatMap(CollectionSchema::eviction).orElseThrow());
        assertEquals(EvictionPolicy.maxDocuments(10), options.collection("tmp").flatMap(CollectionSchema::eviction).orElseThrow());
        assertEquals(options.collection("logs"), options.toBuilder().build().collection("logs"));
        assertEquals(EvictionStrategy.LRU, options.toBuilder().build().evictionStrategy());
    }

    @Test
    void configErrorsNameTheKey() throws IOException {
        Path mixed = write("m.yaml", "offline:\n  backend: memory\n  collections:\n    logs:\n"
                + "      eviction: {strategy: max-age, max-size: 3MB}\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> StoreOptions.load(mixed));
        assertTrue(e.getMessage().contains("offline.collections.logs.eviction.max-size"), e.getMessage());

        Path limit = write("l.yaml", "offline:\n  backend: memory\n  size-limit: lots\n");
        e = assertThrows(ConfigurationException.class, () -> StoreOptions.load(limit));
        assertTrue(e.getMessage().contains("offline.size-limit") && e.getMessage().contains("'lots'"), e.getMessage());

        Path strategy = write("s.yaml", "offline:\n  backend: memory\n  eviction-strategy: fifo\n");
        e = assertThrows(ConfigurationException.class, () -> StoreOptions.load(strategy));
        assertTrue(e.getMessage().contains("offline.eviction-strategy") && e.getMessage().contains("fifo"), e.getMessage());
    }
}
