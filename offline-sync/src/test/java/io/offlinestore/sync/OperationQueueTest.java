package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.sync.Operation.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's scheduling, retries, expiry, dependencies, limits and errors, over the memory backend. */
class OperationQueueTest {
    /** Jitter that always draws the ceiling, so back-off delays are exact. */
    private static final RandomGenerator CEILING = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private OfflineStore store;
    private OperationQueue queue;

    @BeforeEach
    void open() {
        store = Stores.memory();
        queue = OperationQueue.open(store, options().build());
    }

    private QueueOptions.Builder options() {
        return QueueOptions.builder().clock(clock).random(CEILING);
    }

    @AfterEach
    void close() {
        queue.close();
        store.close();
    }

    private void recordAndSucceed(String type) {
        queue.registerHandler(type, operation -> {
            ran.add(operation.payload().getString("name"));
            return Outcome.success();
        });
    }

    private static Operation.Builder named(String name) {
        return Operation.builder("job").payload(Document.of(Map.of("name", name)));
    }

    @Test
    void handlersSeeTheOperationWithItsIdAndAttemptAndCompleteIt() {
        List<String> seen = new ArrayList<>();
        queue.registerHandler("upload", operation -> {
            seen.add(operation.id() + "#" + operation.attempts() + ":" + operation.payload().getString("file"));
            return Outcome.success();
        });
        String id = queue.enqueue("upload", Document.of(Map.of("file", "a.bin")));
        assertEquals(Status.PENDING, queue.get(id).status());

        RunResult result = queue.runNow();

        assertEquals(1, result.succeeded());
        assertEquals(List.of(id + "#1:a.bin"), seen);
        Operation done = queue.get(id);
        assertEquals(Status.COMPLETED, done.status());
        assertEquals(Optional.of(clock.instant()), done.createdAt());
        assertEquals(0, queue.runNow().attempted(), "a completed operation does not run again");
    }

    @Test
    void sameKeyRunsInEnqueueOrderAndOtherLanesByPriorityThenAge() {
        recordAndSucceed("job");
        queue.enqueue(named("k-first").key("k").priority(1).build());
        queue.enqueue(named("k-second").key("k").priority(9).build());
        queue.enqueue(named("c").priority(5).build());
        queue.enqueue(named("d").priority(5).build());
        queue.enqueue(named("e").key("j").priority(7).build());

        assertEquals(5, queue.runNow().succeeded());

        assertEquals(List.of("e", "c", "d", "k-first", "k-second"), ran);
    }

    @Test
    void aRetryingOperationHoldsBackItsLaneButNotOthers() {
        queue.registerHandler("job", operation -> {
            String name = operation.payload().getString("name");
            ran.add(name);
            return name.equals("first") && operation.attempts() == 1 ? Outcome.retry("busy") : Outcome.success();
        });
        queue.enqueue(named("first").key("order:1").build());
        queue.enqueue(named("second").key("order:1").priority(100).build());
        queue.enqueue(named("other").key("order:2").build());

        RunResult first = queue.runNow();
        assertEquals(List.of("first", "other"), ran);
        assertEquals(1, first.retried());
        assertEquals("busy", first.errors().get(0).message());

        clock.advance(Duration.ofSeconds(30));
        queue.runNow();
        assertEquals(List.of("first", "other", "first", "second"), ran);
    }

    @Test
    void retriesBackOffOnTheScheduleUpToItsCap() {
        queue.registerHandler("job", operation -> Outcome.retry("down"));
        String id = queue.enqueue(named("x").maxAttempts(6).build());
        List<Duration> expected = List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(1), Duration.ofHours(1));
        for (Duration delay : expected) {
            int attempts = queue.get(id).attempts();
            queue.runNow();
            assertEquals(attempts + 1, queue.get(id).attempts());
            assertEquals(Optional.of(clock.instant().plus(delay)), queue.get(id).nextAttemptAt());
            clock.advance(delay.minusMillis(1));
            assertEquals(0, queue.runNow().attempted(), "ran before its back-off of " + delay + " ended");
            clock.advance(Duration.ofMillis(1));
        }
        RunResult last = queue.runNow();
        assertEquals(1, last.failed());
        Operation failed = queue.get(id);
        assertEquals(Status.FAILED, failed.status());
        assertTrue(failed.lastError().orElseThrow().contains("6 of 6 attempts"), failed.lastError().orElseThrow());
    }

    @Test
    void fullJitterDrawsEachDelayBetweenZeroAndItsCeiling() {
        queue.close();
        queue = OperationQueue.open(store, options().random(new java.util.SplittableRandom(7)).build());
        queue.registerHandler("job", operation -> Outcome.retry("down"));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = queue.enqueue(named("j" + i).build());
            queue.runNow();
            delays.add(Duration.between(clock.instant(), queue.get(id).nextAttemptAt().orElseThrow()).toMillis());
        }
        assertTrue(delays.stream().allMatch(d -> d >= 0 && d <= 30_000), delays.toString());
        assertTrue(delays.stream().distinct().count() > 10, "delays should spread out: " + delays);
    }

    @Test
    void retryAfterWaitsExactlyAndResetBackoffMakesPendingOperationsDue() {
        queue.registerHandler("job", operation -> operation.attempts() == 1 ? Outcome.retryAfter(Duration.ofMinutes(7)) : Outcome.success());
        String id = queue.enqueue(named("x").build());
        queue.runNow();
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(7))), queue.get(id).nextAttemptAt());

        queue.resetBackoff();

        assertEquals(1, queue.runNow().succeeded());
        assertEquals(2, queue.get(id).attempts());
    }

    @Test
    void exceptionsAreRetriedAndPermanentFailuresAreKeptAsDeadLettersThatParkTheirLane() {
        queue.registerHandler("job", operation -> {
            String name = operation.payload().getString("name");
            ran.add(name);
            return switch (name) {
                case "throws" -> throw new java.io.IOException("connection reset");
                case "bad" -> Outcome.fail("422 unprocessable");
                default -> Outcome.success();
            };
        });
        String throwing = queue.enqueue(named("throws").build());
        String bad = queue.enqueue(named("bad").key("doc:1").build());
        String behind = queue.enqueue(named("behind").key("doc:1").build());

        RunResult result = queue.runNow();

        assertEquals(1, result.retried());
        assertEquals(1, result.failed());
        assertEquals(Status.PENDING, queue.get(throwing).status());
        assertEquals(Optional.of("IOException: connection reset"), queue.get(throwing).lastError());
        assertEquals(Status.FAILED, queue.get(bad).status());
        assertEquals(Optional.of("422 unprocessable"), queue.get(bad).lastError());
        assertFalse(ran.contains("behind"), "a dead letter parks its lane");
        assertEquals(1, queue.stats().blocked());

        queue.cancel(bad);
        queue.runNow();
        assertEquals(Status.COMPLETED, queue.get(behind).status());
    }

    @Test
    void retryPutsAFailedOperationBackWithFreshAttempts() {
        queue.registerHandler("job", operation -> operation.attempts() == 1 && ran.isEmpty() ? fail() : Outcome.success());
        String id = queue.enqueue(named("x").build());
        queue.runNow();
        assertEquals(Status.FAILED, queue.get(id).status());
        ran.add("failed once");

        Operation retried = queue.retry(id);

        assertEquals(Status.PENDING, retried.status());
        assertEquals(0, retried.attempts());
        assertEquals(1, queue.runNow().succeeded());
        assertEquals(Status.COMPLETED, queue.get(id).status());
        assertThrows(OperationStateException.class, () -> queue.retry(id));
        assertThrows(OperationStateException.class, () -> queue.cancel(id));
    }

    private static Outcome fail() {
        return Outcome.fail("rejected");
    }

    @Test
    void operationsPastTheirExpiryExpireWithoutRunning() {
        recordAndSucceed("job");
        String id = queue.enqueue(named("late").expiresAfter(Duration.ofMinutes(1)).build());
        String fresh = queue.enqueue(named("fresh").expiresAfter(Duration.ofHours(1)).build());
        clock.advance(Duration.ofMinutes(2));

        RunResult result = queue.runNow();

        assertEquals(1, result.expired());
        assertEquals(Status.EXPIRED, queue.get(id).status());
        assertEquals(Status.COMPLETED, queue.get(fresh).status());
        assertEquals(List.of("fresh"), ran);
    }

    @Test
    void dependentsWaitForTheirDependenciesAndFailWhenOneIsCancelled() {
        queue.registerHandler("job", operation -> {
            String name = operation.payload().getString("name");
            ran.add(name);
            return name.equals("parent") && operation.attempts() == 1 ? Outcome.retry("later") : Outcome.success();
        });
        String parent = queue.enqueue(named("parent").build());
        String child = queue.enqueue(named("child").priority(50).dependsOn(parent).build());

        queue.runNow();
        assertEquals(List.of("parent"), ran, "the child waits while its parent is pending");
        clock.advance(Duration.ofMinutes(1));
        queue.runNow();
        assertEquals(List.of("parent", "parent", "child"), ran);
        assertEquals(Status.COMPLETED, queue.get(child).status());

        String doomedParent = queue.enqueue(Operation.builder("unhandled").build());
        String orphan = queue.enqueue(named("orphan").dependsOn(doomedParent).build());
        queue.cancel(doomedParent);
        RunResult result = queue.runNow();
        assertEquals(Status.FAILED, queue.get(orphan).status());
        assertTrue(queue.get(orphan).lastError().orElseThrow().contains(doomedParent + " was CANCELLED"));
        assertEquals(1, result.failed());

        InvalidOperationException unknown = assertThrows(InvalidOperationException.class,
                () -> queue.enqueue(named("x").dependsOn("nope").build()));
        assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
    }

    @Test
    void rejectNewRefusesBeyondTheLimitAndStoresNothing() {
        queue.close();
        queue = OperationQueue.open(store, options().maxOperations(2).build());
        queue.enqueue(named("a").build());
        queue.enqueue(named("b").build());

        assertThrows(QueueFullException.class, () -> queue.enqueue(named("c").build()));

        assertEquals(2, queue.stats().total());
    }

    @Test
    void dropOldestCompletedMakesRoomOnlyFromCompletedOperations() {
        queue.close();
        queue = OperationQueue.open(store, options().maxOperations(2).overflow(QueueOptions.Overflow.DROP_OLDEST_COMPLETED).build());
        recordAndSucceed("job");
        String first = queue.enqueue(named("a").build());
        String second = queue.enqueue(named("b").build());
        queue.runNow();

        String third = queue.enqueue(named("c").build());

        assertTrue(queue.find(first).isEmpty(), "the oldest completed operation is dropped");
        assertEquals(Status.COMPLETED, queue.get(second).status());
        queue.enqueue(named("d").build());
        assertTrue(queue.find(second).isEmpty());
        assertThrows(QueueFullException.class, () -> queue.enqueue(named("e").build()),
                "pending operations are never dropped");
        assertEquals(Status.PENDING, queue.get(third).status());
    }

    @Test
    void payloadBytesAreBounded() {
        queue.close();
        queue = OperationQueue.open(store, options().maxPayloadBytes(100).build());
        queue.enqueue(Operation.builder("job").payload(Document.of(Map.of("text", "x".repeat(60)))).build());

        QueueFullException full = assertThrows(QueueFullException.class,
                () -> queue.enqueue(Operation.builder("job").payload(Document.of(Map.of("text", "y".repeat(60)))).build()));

        assertTrue(full.getMessage().contains("100 bytes"), full.getMessage());
        assertTrue(queue.stats().payloadBytes() > 60);
    }

    @Test
    void anOperationEnqueuedInATransactionCommitsAndRollsBackWithIt() {
        Operation rolledBack = named("lost").build();
        try (Transaction tx = store.beginTransaction()) {
            tx.collection("orders").create(Document.of(Map.of("id", "o1")));
            queue.enqueue(tx, rolledBack);
            tx.rollback();
        }
        assertTrue(queue.find(rolledBack.id()).isEmpty());
        assertTrue(store.collection("orders").get("o1").isEmpty());

        Operation committed = named("kept").build();
        try (Transaction tx = store.beginTransaction()) {
            tx.collection("orders").create(Document.of(Map.of("id", "o2")));
            queue.enqueue(tx, committed);
            assertTrue(queue.find(committed.id()).isEmpty(), "not visible before commit");
            tx.commit();
        }
        assertEquals(Status.PENDING, queue.get(committed.id()).status());
        assertTrue(store.collection("orders").get("o2").isPresent());
    }

    @Test
    void operationsWithoutAHandlerWaitAndAreReportedInStats() {
        queue.enqueue("email", Document.of(Map.of("to", "a@b.c")));
        clock.advance(Duration.ofMinutes(3));

        assertEquals(0, queue.runNow().attempted());

        QueueStats stats = queue.stats();
        assertEquals(1, stats.count(Status.PENDING));
        assertEquals(Map.of("email", 1L), stats.pendingWithoutHandler());
        assertEquals(Optional.of(Duration.ofMinutes(3)), stats.oldestPendingAge());
    }

    @Test
    void clearCompletedRemovesOnlyCompletedOperationsOlderThanAsked() {
        recordAndSucceed("job");
        String old = queue.enqueue(named("old").build());
        queue.runNow();
        clock.advance(Duration.ofHours(2));
        String recent = queue.enqueue(named("recent").build());
        queue.runNow();
        String waiting = queue.enqueue(Operation.builder("unhandled").build());

        assertEquals(1, queue.clearCompleted(Duration.ofHours(1)));
        assertTrue(queue.find(old).isEmpty());
        assertEquals(1, queue.clearCompleted());
        assertTrue(queue.find(recent).isEmpty());
        assertEquals(Status.PENDING, queue.get(waiting).status());
    }

    @Test
    void badInputGetsTypedErrors() {
        assertThrows(UnknownOperationException.class, () -> queue.get("missing"));
        assertThrows(UnknownOperationException.class, () -> queue.cancel("missing"));
        assertThrows(UnknownOperationException.class, () -> queue.delete("missing"));
        assertThrows(InvalidOperationException.class, () -> Operation.builder("job").priority(-1));
        assertThrows(InvalidOperationException.class, () -> Operation.builder(" "));
        assertThrows(InvalidOperationException.class, () -> Operation.builder("job").payload("just text"));
        assertThrows(InvalidOperationException.class, () -> Operation.builder("job").payload(List.of(1, 2)));
        assertThrows(InvalidOperationException.class, () -> Operation.builder("job").maxAttempts(0));
        assertThrows(InvalidOperationException.class, () -> Operation.builder("job").expiresAfter(Duration.ofSeconds(-1)));
        assertThrows(InvalidOperationException.class, () -> queue.enqueue("job", null));
        Operation once = named("x").build();
        queue.enqueue(once);
        InvalidOperationException duplicate = assertThrows(InvalidOperationException.class, () -> queue.enqueue(once));
        assertTrue(duplicate.getMessage().contains(once.id()));
        assertThrows(InvalidOperationException.class, () -> queue.enqueue(queue.get(once.id())));
        assertThrows(OperationStateException.class, () -> queue.retry(once.id()));
        assertEquals(1, queue.stats().total(), "nothing else was stored");
    }

    @Test
    void anOperationLeftInProgressReturnsToPendingOnOpenAndKeepsItsAttemptCount() {
        String id = queue.enqueue(named("x").build());
        Document inProgress = queue.get(id).toDocument().with(Operation.Fields.STATUS, "IN_PROGRESS")
                .with(Operation.Fields.ATTEMPTS, 1)
                .with(Operation.Fields.LEASE_UNTIL, clock.instant().plus(Duration.ofHours(1)).toEpochMilli());
        store.collection(QueueOptions.DEFAULT_COLLECTION).put(inProgress);
        queue.close();

        queue = OperationQueue.open(store, options().build());

        assertEquals(Status.PENDING, queue.get(id).status());
        List<Integer> attempts = new ArrayList<>();
        queue.registerHandler("job", operation -> {
            attempts.add(operation.attempts());
            return Outcome.success();
        });
        queue.runNow();
        assertEquals(List.of(2), attempts);
    }

    @Test
    void anOfflineMonitorHoldsRunsAndComingBackOnlineRunsTheQueue() throws InterruptedException {
        var monitor = ConnectivityMonitor.manual();
        monitor.setOnline(false);
        queue.attach(monitor);
        recordAndSucceed("job");
        queue.registerHandler("flaky", operation -> operation.attempts() == 1 ? Outcome.retry("timeout") : Outcome.success());
        String flaky = queue.enqueue(Operation.builder("flaky").build());
        String id = queue.enqueue(named("x").build());

        assertEquals(RunResult.empty(), queue.runNow());
        assertEquals(Status.PENDING, queue.get(id).status());

        monitor.setOnline(true);
        queue.runNow();
        assertEquals(Status.PENDING, queue.get(flaky).status(), "waiting for its back-off");
        monitor.setOnline(false);
        monitor.setOnline(true);

        Await.until("the back-off reset and a run when back online",
                () -> queue.get(flaky).status() == Status.COMPLETED);
        assertEquals(Status.COMPLETED, queue.get(id).status());
    }
}
