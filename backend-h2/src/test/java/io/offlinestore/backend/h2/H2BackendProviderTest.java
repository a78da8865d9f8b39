package io.offlinestore.backend.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import io.offlinestore.testkit.backend.BackendProviderContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider contract, and H2's own: compression changes between opens, files that are no MVStore. */
class H2BackendProviderTest extends BackendProviderContract {
    private final H2BackendProvider provider = new H2BackendProvider();

    @Override
    protected StorageBackendProvider provider() {
        return new H2BackendProvider();
    }

    @Override
    protected List<String> storeFiles(String databaseName) {
        return List.of(".lock", databaseName + ".mv.db");
    }

    @Override
    protected List<Map<String, String>> badSettings() {
        return List.of(Map.of("h2.cacheSize", "8"), Map.of(H2Settings.CACHE_SIZE, "lots"), Map.of(H2Settings.CACHE_SIZE, "-1"),
                Map.of(H2Settings.COMPRESS, "zstd"));
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
