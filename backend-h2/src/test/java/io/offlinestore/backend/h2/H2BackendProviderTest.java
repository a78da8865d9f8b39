package io.offlinestore.backend.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Durability;
import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the backend, its configuration errors, the files it keeps and the files it refuses. */
class H2BackendProviderTest {
    private final H2BackendProvider provider = new H2BackendProvider();

    @TempDir
    Path directory;

    private BackendConfig config(Map<String, String> settings) {
        return new BackendConfig(directory, "test", Durability.SYNC, settings);
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        List<StorageBackendProvider> h2 = ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("h2"))
                .toList();
        assertEquals(1, h2.size());
        assertInstanceOf(H2BackendProvider.class, h2.get(0));
    }

    @Test
    void aMissingPathIsAConfigurationErrorNamingThePathOption() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(new BackendConfig(null, "test", Durability.SYNC, Map.of())));
        assertTrue(e.getMessage().contains("offline.path") && e.getMessage().contains("h2"), e.getMessage());
    }

    @Test
    void badSettingsAreConfigurationErrorsNamingTheSetting() {
        for (Map<String, String> bad : List.of(Map.of("h2.cacheSize", "8"), Map.of(H2Settings.CACHE_SIZE, "lots"),
                Map.of(H2Settings.CACHE_SIZE, "-1"), Map.of(H2Settings.COMPRESS, "zstd"))) {
            String key = bad.keySet().iterator().next();
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> provider.open(config(bad)), key);
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        ConfigurationException name = assertThrows(ConfigurationException.class,
                () -> provider.open(new BackendConfig(directory, "../escape", Durability.SYNC, Map.of())));
        assertTrue(name.getMessage().contains("../escape"), name.getMessage());
    }

    @Test
    void settingsOfOtherBackendsAreIgnored() {
        provider.open(config(Map.of("mapdb.mmap", "false"))).close();
    }

    @Test
    void theStoreIsOneFileNamedAfterTheDatabase() throws IOException {
        try (StorageBackend backend = provider.open(config(Map.of()))) {
            backend.createKeyspace("ks");
            backend.apply(new WriteBatch().put("ks", new byte[] {1}, new byte[] {2}));
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(".lock", "test.mv.db"), files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aStoreWrittenWithOneCompressionReadsBackWithAnother() {
        byte[] key = {1};
        for (String compress : List.of("none", "fast", "high", "none")) {
            try (StorageBackend backend = provider.open(config(Map.of(H2Settings.COMPRESS, compress)))) {
                backend.createKeyspace("ks");
                byte[] previous = backend.get("ks", key);
                byte[] next = {(byte) (previous == null ? 0 : previous[0] + 1)};
                backend.apply(new WriteBatch().put("ks", key, next));
            }
        }
        try (StorageBackend backend = provider.open(config(Map.of()))) {
            assertArrayEquals(new byte[] {3}, backend.get("ks", key));
        }
    }

    @Test
    void aFileThatIsNotAnMvStoreIsRefusedAndLeftAsItWas() throws IOException {
        byte[] text = "not a store".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Files.write(directory.resolve("test.mv.db"), text);
        StorageException e = assertThrows(StorageException.class, () -> provider.open(config(Map.of())));
        assertTrue(e.getMessage().contains("test.mv.db"), e.getMessage());
        assertArrayEquals(text, Files.readAllBytes(directory.resolve("test.mv.db")));
        provider.open(new BackendConfig(directory, "other", Durability.SYNC, Map.of())).close();
    }
}
