package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.Operation.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the queue runs: in parallel across lanes, periodically, and over leases that ran out. */
class QueueRunnerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final OfflineStore store = Stores.memory();
    private OperationQueue queue;

    @AfterEach
    void close() {
        queue.close();
        store.close();
    }

    @Test
    void differentLanesRunInParallelAndOneLaneNever() {
        queue = OperationQueue.open(store, QueueOptions.builder().clock(clock).parallelism(3).build());
        CyclicBarrier together = new CyclicBarrier(3);
        AtomicInteger inLaneA = new AtomicInteger();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        queue.registerHandler("meet", operation -> {
            together.await(10, TimeUnit.SECONDS);
            return Outcome.success();
        });
        queue.registerHandler("lane", operation -> {
            if (inLaneA.incrementAndGet() > 1) {
                overlaps.add(operation.id());
            }
            Thread.sleep(20);
            inLaneA.decrementAndGet();
            return Outcome.success();
        });
        for (String key : List.of("a", "b", "c")) {
            queue.enqueue(Operation.builder("meet").key(key).build());
        }
        for (int i = 0; i < 4; i++) {
            queue.enqueue(Operation.builder("lane").key("same").build());
        }

        RunResult result = queue.runNow();

        assertEquals(7, result.succeeded(), "three handlers met at the barrier, so they ran at once: " + result);
        assertEquals(List.of(), overlaps, "operations of one lane overlapped");
    }

    @Test
    void periodicRunsPickUpNewOperations() throws InterruptedException {
        queue = OperationQueue.open(store);
        queue.registerHandler("job", operation -> Outcome.success());
        queue.start(Duration.ofMillis(50));
        assertTrue(queue.isRunning());
        String id = queue.enqueue("job", Document.of(Map.of("n", 1)));

        Await.until("a periodic run completing the new operation", () -> queue.get(id).status() == Status.COMPLETED);
        assertTrue(queue.lastSuccessAt().isPresent());
        queue.stop();
        assertFalse(queue.isRunning());
    }

    @Test
    void aLeaseThatRanOutWhileTheQueueIsOpenIsTakenBackOnTheNextRun() {
        queue = OperationQueue.open(store, QueueOptions.builder().clock(clock).lease(Duration.ofMinutes(1)).build());
        String id = queue.enqueue("job", Document.empty());
        Document held = queue.get(id).toDocument().with(Operation.Fields.STATUS, "IN_PROGRESS")
                .with(Operation.Fields.ATTEMPTS, 1)
                .with(Operation.Fields.LEASE_UNTIL, clock.instant().plus(Duration.ofMinutes(1)).toEpochMilli());
        store.collection(QueueOptions.DEFAULT_COLLECTION).put(held); // another runner holds it
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        queue.registerHandler("job", operation -> {
            attempts.add(operation.attempts());
            return Outcome.success();
        });

        queue.runNow();
        assertEquals(List.of(), attempts, "a live lease is respected");
        assertEquals(Status.IN_PROGRESS, queue.get(id).status());

        clock.advance(Duration.ofMinutes(2));
        queue.runNow();
        assertEquals(List.of(2), attempts);
        assertEquals(Status.COMPLETED, queue.get(id).status());
    }
}
