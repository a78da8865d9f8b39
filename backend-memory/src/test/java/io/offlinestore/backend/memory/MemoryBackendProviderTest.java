package io.offlinestore.backend.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import io.offlinestore.testkit.backend.BackendProviderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider contract, and what is the memory backend's own: no path, a new empty store each open. */
class MemoryBackendProviderTest extends BackendProviderContract {
    @Override
    protected StorageBackendProvider provider() {
        return new MemoryBackendProvider();
    }

    @Override
    protected List<String> storeFiles(String databaseName) {
        return List.of();
    }

    @Override
    protected List<Map<String, String>> badSettings() {
        return List.of();
    }
    private static final BackendConfig NO_PATH = new BackendConfig(null, "test", Durability.RELAXED, Map.of());

    @Test
    void opensWithoutAPathAndEachOpenIsANewEmptyBackend() {
        MemoryBackendProvider provider = new MemoryBackendProvider();
        try (StorageBackend first = provider.open(NO_PATH); StorageBackend second = provider.open(NO_PATH)) {
            first.createKeyspace("ks");
            first.apply(new WriteBatch().put("ks", new byte[] {1}, new byte[] {1}));
            assertEquals(0, second.keyspaces().size());
            second.createKeyspace("ks");
            assertNull(second.get("ks", new byte[] {1}));
        }
    }
}
