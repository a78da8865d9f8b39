package io.offlinestore.backend.derby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.offlinestore.testkit.backend.BackendProviderContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider contract, and Derby's own: plain database names, a named directory, relaxed durability. */
class DerbyBackendProviderTest extends BackendProviderContract {
    private final DerbyBackendProvider provider = new DerbyBackendProvider();

    @Override
    protected StorageBackendProvider provider() {
        return new DerbyBackendProvider();
    }

    @Override
    protected List<String> storeFiles(String databaseName) {
        return List.of(".lock", databaseName + ".derby");
    }

    @Override
    protected List<Map<String, String>> badSettings() {
        return List.of();
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
