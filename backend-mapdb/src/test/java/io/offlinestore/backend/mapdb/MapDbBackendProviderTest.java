package io.offlinestore.backend.mapdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import io.offlinestore.testkit.backend.BackendProviderContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider contract, and MapDB's own: a store written mapped reads back through a file channel. */
class MapDbBackendProviderTest extends BackendProviderContract {
    private final MapDbBackendProvider provider = new MapDbBackendProvider();

    @Override
    protected StorageBackendProvider provider() {
        return new MapDbBackendProvider();
    }

    @Override
    protected List<String> storeFiles(String databaseName) {
        return List.of(".lock", databaseName + ".mapdb");
    }

    @Override
    protected List<Map<String, String>> badSettings() {
        return List.of(Map.of("mapdb.mmapp", "true"), Map.of(MapDbSettings.MMAP, "yes"));
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
