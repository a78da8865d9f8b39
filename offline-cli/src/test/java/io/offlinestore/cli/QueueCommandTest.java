package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.Operation.Status;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.Outcome;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueCommandTest {

    @Test
    void listStatsRetryCancelAndClearCompleted() {
        try (OfflineStore store = CliRunner.memoryStore()) {
            OperationQueue queue = OperationQueue.open(store);
            queue.registerHandler("upload", operation -> operation.payload().getBoolean("ok") ? Outcome.success() : Outcome.fail("rejected"));
            String done = queue.enqueue("upload", Document.of(Map.of("ok", true)));
            String failed = queue.enqueue("upload", Document.of(Map.of("ok", false)));
            queue.runNow();
            String waiting = queue.enqueue(Operation.builder("email").key("user:1").build());

            CliRunner.Result list = CliRunner.run(store, "queue", "list");
            assertEquals(ExitCodes.OK, list.exitCode(), list.err());
            assertTrue(list.out().contains(waiting) && list.out().contains("user:1"), list.out());
            assertTrue(!list.out().contains(done), list.out());
            assertTrue(CliRunner.run(store, "queue", "list", "--status", "failed").out().contains("rejected"));

            CliRunner.Result stats = CliRunner.run(store, "queue", "stats");
            assertTrue(stats.out().contains("pending: 1\n") && stats.out().contains("completed: 1\n")
                    && stats.out().contains("failed: 1\n"), stats.out());

            assertEquals(ExitCodes.OK, CliRunner.run(store, "queue", "retry", failed).exitCode());
            assertEquals(Status.PENDING, queue.get(failed).status());
            assertEquals(ExitCodes.OK, CliRunner.run(store, "queue", "cancel", waiting).exitCode());
            assertEquals(Status.CANCELLED, queue.get(waiting).status());
            assertEquals("cleared 1 completed operations\n", CliRunner.run(store, "queue", "clear-completed").out());
            assertTrue(queue.find(done).isEmpty());
        }
    }

    @Test
    void badInputGetsExitCodesNotStackTraces() {
        try (OfflineStore store = CliRunner.memoryStore()) {
            CliRunner.Result unknown = CliRunner.run(store, "queue", "retry", "nope");
            assertEquals(ExitCodes.NOT_FOUND, unknown.exitCode());
            assertTrue(unknown.err().contains("'nope'"), unknown.err());
            String id = OperationQueue.open(store).enqueue("upload", Document.empty());
            CliRunner.Result pending = CliRunner.run(store, "queue", "retry", id);
            assertEquals(ExitCodes.BAD_INPUT, pending.exitCode(), pending.err());
            assertEquals(ExitCodes.BAD_INPUT, CliRunner.run(store, "queue", "list", "--status", "lost").exitCode());
            assertEquals(ExitCodes.BAD_INPUT, CliRunner.run(store, "queue", "clear-completed", "--older-than", "soon").exitCode());
            assertEquals(ExitCodes.BAD_INPUT, CliRunner.run(store, "queue").exitCode());
        }
    }

    @Test
    void statusServerServesTheStoresQueueUntilInterrupted() throws Exception {
        try (OfflineStore store = CliRunner.memoryStore()) {
            OperationQueue.open(store).enqueue("upload", Document.empty());
            StatusServerRun server = StatusServerRun.start(store);
            HttpResponse<String> stats = server.send("GET", "api/offline/queue/stats");
            assertEquals(200, stats.statusCode());
            assertTrue(stats.body().contains("\"pending\":1"), stats.body());

            CliRunner.Result result = server.stop();
            assertEquals(ExitCodes.OK, result.exitCode(), "an interrupt stops the server");
            assertTrue(result.out().contains("status server stopped"), result.out());
        }
    }
}
