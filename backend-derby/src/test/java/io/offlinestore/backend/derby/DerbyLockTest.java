package io.offlinestore.backend.derby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.offlinestore.Durability;
import io.offlinestore.StorageException;
import io.offlinestore.StoreLockedException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.DirectoryLock;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One store per path at a time: a second open fails at once, in this process and in another. */
class DerbyLockTest {
    private static final Duration CHILD_READY_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void aSecondOpenInThisProcessFailsUntilTheFirstIsClosed() {
        try (StorageBackend first = open()) {
            first.createKeyspace("ks");
            first.apply(new WriteBatch().put("ks", new byte[] {1}, new byte[] {1}));

            StoreLockedException e = assertThrows(StoreLockedException.class, this::open);
            assertEquals(directory, e.path());
            assertArrayEquals(new byte[] {1}, first.get("ks", new byte[] {1}), "the first store keeps working");
        }
        try (StorageBackend second = open()) {
            assertEquals(Set.of("ks"), second.keyspaces());
        }
    }

    @Test
    void aFailedOpenShutsTheDatabaseDownAndUnlocks() throws SQLException {
        open().close();
        DerbyDatabase database = DerbyDatabase.in(directory.resolve("test.derby"));
        try (Connection connection = database.boot(); Statement statement = connection.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('offlinestore.derby.layout', '99')");
            connection.commit();
        }
        database.shutdown();

        StorageException e = assertThrows(StorageException.class, this::open);
        assertTrue(e.getMessage().contains("layout 99"), e.getMessage());
        DirectoryLock.acquire(directory).close();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anotherProcessHoldsTheStoreUntilItIsKilledAndItsCommitsSurvive(@TempDir Path childWorkingDirectory)
            throws Exception {
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                StoreHoldingProcess.class.getName(), directory.toString())
                .directory(childWorkingDirectory.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            awaitReady(child);
            long started = System.nanoTime();
            assertThrows(StoreLockedException.class, this::open);
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "the open failed at once");
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child process did not die");
        }

        try (StorageBackend recovered = open()) {
            assertArrayEquals(StoreHoldingProcess.VALUE,
                    recovered.get(StoreHoldingProcess.KEYSPACE, StoreHoldingProcess.KEY),
                    "the batch the killed process committed is there after recovery");
        }
        assertFalse(Files.exists(childWorkingDirectory.resolve("derby.log")), "derby.log in the child's working directory");
    }

    private static void awaitReady(Process child) throws InterruptedException, ExecutionException {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.equals(StoreHoldingProcess.READY)) {
                        return true;
                    }
                    seen.append(line).append('\n');
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (!ready.get(CHILD_READY_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                fail("the child process ended without opening the store:\n" + seen);
            }
        } catch (TimeoutException e) {
            fail("the child process was not ready within " + CHILD_READY_LIMIT + ":\n" + seen);
        }
    }

    private StorageBackend open() {
        return new DerbyBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
