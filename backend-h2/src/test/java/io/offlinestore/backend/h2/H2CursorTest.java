package io.offlinestore.backend.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cursor the application never closes does not outlive the backend: closing the backend ends it
 * and releases the store version it registered (MVStore's close asserts that none is left behind
 * the current one).
 */
class H2CursorTest {
    @TempDir
    Path directory;

    private StorageBackend open() {
        return new H2BackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }

    @Test
    void closingTheBackendEndsACursorLeftOpen() {
        KeyValueCursor abandoned;
        try (StorageBackend backend = open()) {
            backend.createKeyspace("ks");
            backend.apply(new WriteBatch().put("ks", new byte[] {1}, new byte[] {1}).put("ks", new byte[] {2}, new byte[] {2}));
            abandoned = backend.scan("ks", KeyRange.all(), false);
            assertArrayEquals(new byte[] {1}, abandoned.next().key());
        }
        assertFalse(abandoned.hasNext(), "the cursor ended with the backend");
        abandoned.close();
        try (StorageBackend reopened = open()) {
            assertTrue(reopened.keyspaces().contains("ks"));
        }
    }
}
