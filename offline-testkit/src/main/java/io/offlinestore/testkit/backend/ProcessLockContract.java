package io.offlinestore.testkit.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.StoreLockedException;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Capability#EXCLUSIVE_PROCESS_LOCK}: while a child JVM ({@link LockHolder}) holds the
 * backend open on a directory, opening it here fails at once with a
 * {@link StoreLockedException}; once the child is killed (SIGKILL, no clean close), it opens,
 * with what the child wrote. The child makes its own instance of the test class (through its
 * no-argument constructor) to open the backend the same way. In this process too, a second open
 * fails at once until the first is closed. Skipped for backends that do not declare the
 * capability.
 */
public abstract class ProcessLockContract {
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path directory;

    /** Opens the backend under test storing in {@code directory}. */
    protected abstract StorageBackend openBackend(Path directory);

    @Test
    @Timeout(180)
    void anotherProcessHoldsTheDirectoryUntilItDies() throws Exception {
        try (StorageBackend probe = openBackend(directory.resolve("probe"))) {
            Assumptions.assumeTrue(probe.capabilities().contains(Capability.EXCLUSIVE_PROCESS_LOCK),
                    "the backend does not declare EXCLUSIVE_PROCESS_LOCK");
        }
        Path store = directory.resolve("store");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                getClass().getName(), store.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(LockHolder.READY, out.readLine(), "the child JVM did not open the backend");
            assertTimeoutPreemptively(AT_ONCE, () -> assertThrows(StoreLockedException.class, () -> openBackend(store)),
                    "a second process must get StoreLockedException at once while the first holds the directory");
        } finally {
            // SIGKILL through the process handle: the lock must go with the process, without a clean close
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not die");
        }
        try (StorageBackend afterDeath = openBackend(store)) {
            assertArrayEquals(LockHolder.VALUE, afterDeath.get(LockHolder.KEYSPACE, LockHolder.KEY),
                    "the killed process's acknowledged write survives");
            afterDeath.apply(new WriteBatch().put(LockHolder.KEYSPACE, LockHolder.KEY, new byte[] {2}));
        }
    }

    @Test
    void aSecondOpenInThisProcessFailsAtOnceUntilTheFirstCloses() {
        Path store = directory.resolve("store");
        try (StorageBackend first = openBackend(store)) {
            Assumptions.assumeTrue(first.capabilities().contains(Capability.EXCLUSIVE_PROCESS_LOCK),
                    "the backend does not declare EXCLUSIVE_PROCESS_LOCK");
            first.createKeyspace(LockHolder.KEYSPACE);
            first.apply(new WriteBatch().put(LockHolder.KEYSPACE, LockHolder.KEY, LockHolder.VALUE));
            StoreLockedException locked = assertTimeoutPreemptively(AT_ONCE,
                    () -> assertThrows(StoreLockedException.class, () -> openBackend(store)));
            assertEquals(store, locked.path(), "the exception names the locked directory");
            assertArrayEquals(LockHolder.VALUE, first.get(LockHolder.KEYSPACE, LockHolder.KEY),
                    "the first backend keeps working after the refused open");
        }
        try (StorageBackend reopened = openBackend(store)) {
            assertArrayEquals(LockHolder.VALUE, reopened.get(LockHolder.KEYSPACE, LockHolder.KEY));
        }
    }

    /** The contract a child JVM was started for, made from its class name. */
    static ProcessLockContract instance(String className) throws IOException {
        try {
            var constructor = Class.forName(className).getDeclaredConstructor();
            constructor.setAccessible(true);
            return (ProcessLockContract) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot make " + className + " in the child JVM: it needs a constructor without "
                    + "arguments", e);
        }
    }
}
