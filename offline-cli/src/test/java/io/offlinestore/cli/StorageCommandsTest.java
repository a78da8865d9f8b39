package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy}, {@code evict}, {@code clear}, {@code compact} and the storage lines of {@code info}. */
class StorageCommandsTest {

    private static void seed(OfflineStore store, String collection, int count) {
        for (int i = 0; i < count; i++) {
            store.collection(collection).create(Document.parse("{\"id\":" + i + ",\"text\":\"entry " + i + "\"}"));
        }
    }

    @Test
    void policySetsAndInfoShowsPoliciesPendingChangesAndTheLimit() {
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("memory").sizeLimit(1 << 20).build())) {
            seed(store, "logs", 3);

            CliRunner.Result set = CliRunner.run(store, "policy", "logs", "max-age", "7d");
            assertEquals(ExitCodes.OK, set.exitCode(), set.err());
            assertEquals("logs: eviction policy max-age 7d\n", set.out());
            assertEquals(EvictionPolicy.maxAge(Duration.ofDays(7)),
                    store.storageInfo().collections().get("logs").eviction());

            CliRunner.Result info = CliRunner.run(store, "info");
            assertEquals(ExitCodes.OK, info.exitCode(), info.err());
            List<String> lines = info.lines();
            assertTrue(lines.stream().anyMatch(l -> l.matches("size limit: 1048576 bytes, available: [1-9][0-9]* bytes")),
                    info.out());
            assertTrue(lines.stream().anyMatch(l -> l.matches("logs +max-age 7d +3")), info.out());
        }
    }

    @Test
    void aBadPolicyIsAUsageError() {
        try (OfflineStore store = CliRunner.memoryStore()) {
            CliRunner.Result result = CliRunner.run(store, "policy", "logs", "max-age", "soon");
            assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
            assertTrue(result.err().contains("'soon' is not a duration"), result.err());
            CliRunner.Result unknown = CliRunner.run(store, "policy", "logs", "fifo", "3");
            assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode());
            assertTrue(unknown.err().contains("unknown eviction strategy 'fifo'"), unknown.err());
        }
    }

    @Test
    void evictReportsPerCollectionAndKeepsUnsynchronizedDocuments() {
        try (OfflineStore store = CliRunner.memoryStore()) {
            seed(store, "logs", 5);
            store.markSynchronized(store.getChanges());
            seed(store, "fresh", 2);
            store.setEvictionPolicy("logs", EvictionPolicy.maxDocuments(2));
            store.setEvictionPolicy("fresh", EvictionPolicy.maxDocuments(1));

            CliRunner.Result result = CliRunner.run(store, "evict");

            assertEquals(ExitCodes.OK, result.exitCode(), result.err());
            assertTrue(result.out().startsWith("logs: evicted "), result.out());
            assertTrue(result.out().contains("kept 2 "), result.out());
            assertTrue(store.collection("logs").count() <= 2);
            assertEquals(2, store.collection("fresh").count(), "unsynchronized documents stay");
        }
    }

    @Test
    void clearRefusesPendingChangesUnlessDiscarded() {
        try (OfflineStore store = CliRunner.memoryStore()) {
            seed(store, "logs", 4);

            CliRunner.Result refused = CliRunner.run(store, "clear", "logs");
            assertEquals(ExitCodes.STORAGE, refused.exitCode());
            assertTrue(refused.err().contains("4 unsynchronized change(s)"), refused.err());
            assertEquals(4, store.collection("logs").count());

            CliRunner.Result cleared = CliRunner.run(store, "clear", "logs", "--discard-pending");
            assertEquals(ExitCodes.OK, cleared.exitCode(), cleared.err());
            assertEquals("cleared logs\n", cleared.out());
            assertEquals(0, store.collection("logs").count());
            assertTrue(store.getChanges().isEmpty());
        }
    }

    @Test
    void compactPrintsTheBytesReclaimed(@TempDir Path directory) {
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("h2").path(directory).build())) {
            seed(store, "logs", 50);
            for (int i = 0; i < 50; i++) {
                store.collection("logs").delete(i);
            }
            CliRunner.Result result = CliRunner.run(store, "compact");
            assertEquals(ExitCodes.OK, result.exitCode(), result.err());
            assertTrue(result.out().matches("reclaimed [0-9]+ bytes\n"), result.out());
        }
    }
}
