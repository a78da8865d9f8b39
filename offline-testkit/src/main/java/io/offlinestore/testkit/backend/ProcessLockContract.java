package io.offlinestore.testkit.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.StoreLockedException;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Capability#EXCLUSIVE_PROCESS_LOCK}: one open backend per store directory, whether the
 * other one is in this JVM or in another process ({@link LockHolder}, started as a child JVM); a
 * second open fails at once with {@link StoreLockedException}, and the lock of a killed process is
 * gone with it. Subclass it with the name your backend is found by.
 */
public abstract class ProcessLockContract {
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path directory;

    /** The name of the backend under test, as its provider declares it. */
    protected abstract String backend();

    private StorageBackend open(String databaseName) {
        return NamedBackends.open(backend(), directory, databaseName, Durability.SYNC);
    }

    @Test
    void aSecondOpenInThisProcessFailsUntilTheFirstCloses() {
        try (StorageBackend first = open(LockHolder.DATABASE)) {
            assertTrue(first.capabilities().contains(Capability.EXCLUSIVE_PROCESS_LOCK), "the capability is declared");
            first.createKeyspace(LockHolder.KEYSPACE);
            StoreLockedException locked = assertTimeoutPreemptively(AT_ONCE,
                    () -> assertThrows(StoreLockedException.class, () -> open(LockHolder.DATABASE)));
            assertEquals(directory, locked.path());
            assertThrows(StoreLockedException.class, () -> open("other"), "the lock covers the whole directory");
        }
        try (StorageBackend reopened = open(LockHolder.DATABASE)) {
            assertEquals(Set.of(LockHolder.KEYSPACE), reopened.keyspaces());
        }
    }

    @Test
    @Timeout(120)
    void anotherProcessHoldsTheStoreUntilItDies() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), backend(), directory.toString());
        Process holder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine(), "the child JVM did not open the store");

            assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(StoreLockedException.class, () -> open(LockHolder.DATABASE)));
        } finally {
            holder.toHandle().destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "the child JVM did not die");
        }
        try (StorageBackend afterDeath = open(LockHolder.DATABASE)) {
            assertArrayEquals(LockHolder.bytes("yes"), afterDeath.get(LockHolder.KEYSPACE, LockHolder.bytes("held")),
                    "the killed process's acknowledged write survives");
            afterDeath.apply(new WriteBatch().put(LockHolder.KEYSPACE, LockHolder.bytes("held"), LockHolder.bytes("here now")));
        }
    }
}
