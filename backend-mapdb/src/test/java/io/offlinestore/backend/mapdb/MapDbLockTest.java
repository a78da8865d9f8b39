package io.offlinestore.backend.mapdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.offlinestore.Durability;
import io.offlinestore.StoreLockedException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock is the directory's, not one database's: a second database name in the same directory
 * is locked out too. (One open per directory, in this process and another, is the kit's
 * {@code ProcessLockContract}: {@link MapDbProcessLockTest}.)
 */
class MapDbLockTest {
    @TempDir
    Path directory;

    private StorageBackend open(String databaseName) {
        return new MapDbBackendProvider().open(new BackendConfig(directory, databaseName, Durability.SYNC, Map.of()));
    }

    @Test
    void theLockCoversEveryDatabaseOfTheDirectory() {
        try (StorageBackend first = open("test")) {
            first.createKeyspace("ks");
            StoreLockedException locked = assertThrows(StoreLockedException.class, () -> open("other"));
            assertEquals(directory, locked.path());
        }
        open("other").close();
    }
}
