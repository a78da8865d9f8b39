package io.offlinestore.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.StorageException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackendGuardTest {
    private final BackendGuard guard = new BackendGuard("the test backend");

    @Test
    void callsRunWhileOpenAndFailAfterClose() {
        assertEquals("read", guard.read(() -> "read"));
        AtomicInteger closings = new AtomicInteger();
        guard.close(closings::incrementAndGet);
        guard.close(closings::incrementAndGet);
        assertEquals(1, closings.get(), "closing runs once");
        StorageException read = assertThrows(StorageException.class, () -> guard.read(() -> "read"));
        assertEquals("the test backend is closed", read.getMessage());
        assertThrows(StorageException.class, () -> guard.write(() -> { }));
        assertFalse(guard.writeIfOpen(() -> { }), "background work is skipped once closed, without an exception");
    }

    @Test
    void aFailureIsCarriedByEveryLaterCall() {
        StorageException failure = new StorageException("cannot commit: disk full");
        guard.fail(failure);
        StorageException thrown = assertThrows(StorageException.class, () -> guard.read(() -> "read"));
        assertEquals("cannot commit: disk full", thrown.getMessage());
        assertSame(failure, thrown.getCause());
    }

    @Test
    void targetsResolveEachOperationsKeyspaceInOrder() {
        Map<String, String> keyspaces = Map.of("a", "A", "b", "B");
        WriteBatch batch = new WriteBatch().put("b", new byte[] {1}, new byte[0]).delete("a", new byte[] {2})
                .put("b", new byte[] {3}, new byte[0]);
        assertEquals(List.of("B", "A", "B"), BackendGuard.targets(batch, keyspaces::get));
        assertEquals(List.of("b", "a"), List.copyOf(batch.keyspaces()));
    }

    @Test
    void aBatchNamingAMissingOrInvalidKeyspaceIsRefusedWhole() {
        WriteBatch missing = new WriteBatch().put("a", new byte[] {1}, new byte[0]).put("nope", new byte[] {2}, new byte[0]);
        StorageException absent = assertThrows(StorageException.class,
                () -> BackendGuard.targets(missing, Map.of("a", "A")::get));
        assertTrue(absent.getMessage().contains("'nope' does not exist"), absent.getMessage());
        WriteBatch invalid = new WriteBatch().put("bad name", new byte[] {1}, new byte[0]);
        StorageException named = assertThrows(StorageException.class,
                () -> BackendGuard.targets(invalid, Map.of("bad name", "X")::get));
        assertTrue(named.getMessage().contains("invalid keyspace name 'bad name'"), named.getMessage());
    }

    @Test
    void writesExcludeReads() throws InterruptedException {
        AtomicInteger observed = new AtomicInteger(-1);
        Thread reader = new Thread(() -> observed.set(guard.read(() -> 1)));
        guard.write(() -> {
            reader.start();
            try {
                reader.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(-1, observed.get(), "a read waits while a write holds the guard");
        });
        reader.join();
        assertEquals(1, observed.get());
    }
}
