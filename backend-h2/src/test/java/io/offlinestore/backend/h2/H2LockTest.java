package io.offlinestore.backend.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.offlinestore.Durability;
import io.offlinestore.StoreLockedException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One open backend per store directory, whether the other one is in this process or another. */
class H2LockTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path directory;

    private StorageBackend open(String databaseName) {
        return new H2BackendProvider().open(new BackendConfig(directory, databaseName, Durability.SYNC, Map.of()));
    }

    @Test
    void aSecondOpenInThisProcessFailsUntilTheFirstCloses() {
        try (StorageBackend first = open("test")) {
            first.createKeyspace("ks");
            StoreLockedException locked = assertTimeoutPreemptively(AT_ONCE,
                    () -> assertThrows(StoreLockedException.class, () -> open("test")));
            assertEquals(directory, locked.path());
            assertThrows(StoreLockedException.class, () -> open("other"), "the lock covers the whole directory");
        }
        try (StorageBackend reopened = open("test")) {
            assertEquals(Set.of("ks"), reopened.keyspaces());
        }
    }

    @Test
    @Timeout(120)
    void anotherProcessHoldsTheStoreUntilItDies() throws Exception {
        try (ChildJvm holder = ChildJvm.start(StoreHolder.class, directory.toString())) {
            assertEquals("ready", holder.nextLine(Duration.ofSeconds(60)), "the child JVM did not open the store");

            assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(StoreLockedException.class, () -> open("test")));

            holder.killAndDrain();
            assertFalse(holder.isAlive());
        }
        try (StorageBackend afterDeath = open("test")) {
            assertArrayEquals(StoreHolder.bytes("yes"), afterDeath.get("ks", StoreHolder.bytes("held")),
                    "the killed process's acknowledged write survives");
            afterDeath.apply(new WriteBatch().put("ks", StoreHolder.bytes("held"), StoreHolder.bytes("here now")));
        }
    }
}
