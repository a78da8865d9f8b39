package io.offlinestore.backend.mapdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the backend, its configuration errors and the files it keeps. */
class MapDbBackendProviderTest {
    private final MapDbBackendProvider provider = new MapDbBackendProvider();

    @TempDir
    Path directory;

    private BackendConfig config(Map<String, String> settings) {
        return new BackendConfig(directory, "test", Durability.SYNC, settings);
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        List<StorageBackendProvider> mapdb = ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("mapdb"))
                .collect(Collectors.toList());
        assertEquals(1, mapdb.size());
        assertInstanceOf(MapDbBackendProvider.class, mapdb.get(0));
    }

    @Test
    void aMissingPathIsAConfigurationErrorNamingThePathOption() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(new BackendConfig(null, "test", Durability.SYNC, Map.of())));
        assertTrue(e.getMessage().contains("offline.path") && e.getMessage().contains("mapdb"), e.getMessage());
    }

    @Test
    void badSettingsAreConfigurationErrorsNamingTheSetting() {
        ConfigurationException unknown = assertThrows(ConfigurationException.class,
                () -> provider.open(config(Map.of("mapdb.mmapp", "true"))));
        assertTrue(unknown.getMessage().contains("mapdb.mmapp"), unknown.getMessage());
        ConfigurationException value = assertThrows(ConfigurationException.class,
                () -> provider.open(config(Map.of("mapdb.mmap", "yes"))));
        assertTrue(value.getMessage().contains("mapdb.mmap"), value.getMessage());
        ConfigurationException name = assertThrows(ConfigurationException.class,
                () -> provider.open(new BackendConfig(directory, "../escape", Durability.SYNC, Map.of())));
        assertTrue(name.getMessage().contains("../escape"), name.getMessage());
    }

    @Test
    void settingsOfOtherBackendsAreIgnored() {
        provider.open(config(Map.of("derby.pageSize", "8192"))).close();
    }

    @Test
    void theStoreIsOneFileNamedAfterTheDatabaseAndNothingIsLeftAfterClose() throws IOException {
        try (StorageBackend backend = provider.open(config(Map.of()))) {
            backend.createKeyspace("ks");
            backend.apply(new WriteBatch().put("ks", new byte[] {1}, new byte[] {2}));
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(".lock", "test.mapdb"), files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aStoreWrittenMappedReadsBackThroughAFileChannelAndBack() {
        byte[] key = {1};
        for (String mmap : List.of("true", "false", "true")) {
            try (StorageBackend backend = provider.open(config(Map.of(MapDbSettings.MMAP, mmap)))) {
                backend.createKeyspace("ks");
                byte[] previous = backend.get("ks", key);
                byte[] next = {(byte) (previous == null ? 0 : previous[0] + 1)};
                backend.apply(new WriteBatch().put("ks", key, next));
            }
        }
        try (StorageBackend backend = provider.open(config(Map.of()))) {
            assertArrayEquals(new byte[] {2}, backend.get("ks", key));
        }
    }
}
