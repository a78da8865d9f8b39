package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.offlinestore.OfflineStore;
import io.offlinestore.query.Filters;
import io.offlinestore.sync.Operation.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM ({@link QueueCrashWorker}) that enqueues and runs operations on a MapDB store,
 * at random moments, for {@code -Dofflinestore.crash.cycles} cycles (6 by default), and checks
 * after each that no acknowledged operation was lost and none is left in progress; at the end it
 * drains the queue and checks that every operation was applied once at the idempotent remote end,
 * with no attempt number handed out twice.
 */
@Tag("crash")
class OperationQueueCrashTest {
    @TempDir
    Path directory;

    @Test
    void killedWhileOperationsAreInProgressLosesNoneAndAppliesEachOnce() throws Exception {
        int cycles = Integer.getInteger("offlinestore.crash.cycles", 6);
        long seed = Long.getLong("offlinestore.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path remote = Files.createDirectories(directory.resolve("remote"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        int interrupted = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String context = "seed " + seed + ", cycle " + cycle;
            runAndKill(remote, acknowledged, 100 + random.nextInt(400), context);
            try (OfflineStore store = Stores.mapdb(directory)) {
                interrupted += (int) store.collection(QueueOptions.DEFAULT_COLLECTION)
                        .count(Filters.where(Operation.Fields.STATUS).eq(Status.IN_PROGRESS.name()));
                try (OperationQueue queue = OperationQueue.open(store)) {
                    for (String id : acknowledged) {
                        assertTrue(queue.find(id).isPresent(), context + ": acknowledged operation " + id + " was lost");
                    }
                    assertEquals(0, queue.stats().count(Status.IN_PROGRESS), context + ": left in progress after reopening");
                    for (Operation done : queue.list(Status.COMPLETED, Integer.MAX_VALUE)) {
                        assertTrue(Files.exists(remote.resolve(done.id() + ".applied")),
                                context + ": " + done.id() + " completed without being applied");
                    }
                }
            }
        }
        assertTrue(interrupted > 0, "seed " + seed + ": no kill landed while an operation was in progress");
        try (OfflineStore store = Stores.mapdb(directory); OperationQueue queue = OperationQueue.open(store)) {
            queue.registerHandler("apply", operation -> QueueCrashWorker.apply(remote, operation));
            queue.runNow();
            QueueStats stats = queue.stats();
            assertEquals(stats.total(), stats.count(Status.COMPLETED), "seed " + seed + ": not all completed: " + stats);
            Set<String> stored = new HashSet<>();
            for (Operation operation : queue.list(Status.COMPLETED, Integer.MAX_VALUE)) {
                stored.add(operation.id());
                List<String> calls = Files.readAllLines(remote.resolve(operation.id() + ".calls"));
                assertEquals(calls.size(), new HashSet<>(calls).size(),
                        "seed " + seed + ": an attempt number was handed out twice for " + operation.id() + ": " + calls);
                assertTrue(calls.size() <= operation.attempts(), "seed " + seed + ": a call was not counted as an attempt");
            }
            assertTrue(stored.containsAll(acknowledged));
            assertEquals(stored, applied(remote), "seed " + seed + ": applied effects differ from the stored operations");
        }
    }

    private static Set<String> applied(Path remote) throws IOException {
        try (Stream<Path> files = Files.list(remote)) {
            Set<String> ids = new HashSet<>();
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".applied"))
                    .forEach(n -> ids.add(n.substring(0, n.length() - ".applied".length())));
            return ids;
        }
    }

    private void runAndKill(Path remote, Set<String> acknowledged, int millis, String context)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                QueueCrashWorker.class.getName(), directory.toString(), remote.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CountDownLatch firstEnqueue = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("enqueued ")) {
                        acknowledged.add(line.substring("enqueued ".length()));
                        firstEnqueue.countDown();
                    }
                }
            } catch (IOException e) {
                // killed mid-line: what was read is what was acknowledged
            }
        });
        reader.start();
        if (!firstEnqueue.await(60, TimeUnit.SECONDS)) {
            child.toHandle().destroyForcibly();
            fail(context + ": the worker enqueued nothing (alive: " + child.isAlive() + ")");
        }
        Thread.sleep(millis);
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), context + ": the worker did not die");
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }
}
