package io.offlinestore.backend.mapdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With relaxed durability a commit is journaled but held back from the store file; the background
 * flush copies it there within about a second.
 */
class MapDbRelaxedDurabilityTest {
    @TempDir
    Path directory;

    @Test
    @Timeout(30)
    void heldCommitsReachTheStoreFileWithinTheFlushInterval() throws Exception {
        byte[] value = "a relaxed commit, held back from the store file".getBytes(StandardCharsets.UTF_8);
        long interval = MapDbBackend.RELAXED_FLUSH_INTERVAL.toNanos();
        long opening = System.nanoTime();
        try (StorageBackend backend = new MapDbBackendProvider().open(
                new BackendConfig(directory, "test", Durability.RELAXED, Map.of()))) {
            backend.createKeyspace("ks");
            backend.apply(new WriteBatch().put("ks", new byte[] {1}, value));
            long applied = System.nanoTime();
            assertTrue(!contains(value) || System.nanoTime() - opening >= interval,
                    "the commit reached the store file before the first flush");
            while (!contains(value)) {
                Thread.sleep(50);
            }
            assertTrue(System.nanoTime() - applied < 5 * interval, "the flush came late");
            assertFalse(backend.keyspaces().isEmpty(), "the backend stays open and usable");
        }
    }

    private boolean contains(byte[] value) throws IOException {
        byte[] file = Files.readAllBytes(directory.resolve("test.mapdb"));
        outer:
        for (int i = 0; i <= file.length - value.length; i++) {
            for (int j = 0; j < value.length; j++) {
                if (file[i + j] != value[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
