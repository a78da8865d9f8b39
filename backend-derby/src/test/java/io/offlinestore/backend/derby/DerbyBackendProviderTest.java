package io.offlinestore.backend.derby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.DirectoryLock;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerbyBackendProviderTest {

    private final DerbyBackendProvider provider = new DerbyBackendProvider();

    @TempDir
    Path directory;

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        List<StorageBackendProvider> derby = ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals("derby"))
                .toList();
        assertEquals(1, derby.size());
        assertInstanceOf(DerbyBackendProvider.class, derby.get(0));
    }

    @Test
    void aPathIsRequired() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(new BackendConfig(null, "test", Durability.SYNC, Map.of())));
        assertTrue(e.getMessage().contains("derby"), e.getMessage());
    }

    @Test
    void databaseNamesThatAreNoPlainFileNamesAreRefused() {
        for (String name : List.of("", "../escape", "a/b", "semi;colon", "x".repeat(65))) {
            assertThrows(ConfigurationException.class,
                    () -> provider.open(new BackendConfig(directory, name, Durability.SYNC, Map.of())), name);
        }
    }

    @Test
    void aPathWithASemicolonIsRefusedBeforeAnythingIsCreated() {
        Path odd = directory.resolve("odd;create=false");
        assertThrows(ConfigurationException.class,
                () -> provider.open(new BackendConfig(odd, "test", Durability.SYNC, Map.of())));
        assertFalse(Files.exists(odd));
    }

    @Test
    void theDatabaseLivesInANamedDirectoryBesideTheLock() {
        try (StorageBackend backend = provider.open(new BackendConfig(directory, "inventory", Durability.SYNC, Map.of()))) {
            assertEquals(Set.of(Capability.PERSISTENT, Capability.DURABLE, Capability.EXCLUSIVE_PROCESS_LOCK),
                    backend.capabilities());
        }
        assertTrue(Files.isDirectory(directory.resolve("inventory.derby")));
        assertTrue(Files.exists(directory.resolve(DirectoryLock.FILE_NAME)));
    }

    @Test
    void relaxedDurabilityOpensAndKeepsCommittedBatches() {
        try (StorageBackend backend = open(directory, Durability.RELAXED)) {
            backend.createKeyspace("ks");
            backend.apply(new WriteBatch().put("ks", new byte[] {1}, new byte[] {2}));
        }
        try (StorageBackend backend = open(directory, Durability.RELAXED)) {
            assertArrayEquals(new byte[] {2}, backend.get("ks", new byte[] {1}));
            assertFalse(backend.keyspaces().isEmpty());
        }
    }

    private StorageBackend open(Path path, Durability durability) {
        return provider.open(new BackendConfig(path, "test", durability, Map.of()));
    }
}
