package io.offlinestore.backend.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MemoryBackendProviderTest {

    private static final BackendConfig NO_PATH = new BackendConfig(null, "test", Durability.RELAXED, Map.of());

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        List<StorageBackendProvider> memory = ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("memory"))
                .collect(Collectors.toList());
        assertEquals(1, memory.size());
        assertInstanceOf(MemoryBackendProvider.class, memory.get(0));
    }

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
