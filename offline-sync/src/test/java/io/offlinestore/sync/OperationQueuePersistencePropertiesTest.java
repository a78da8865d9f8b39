package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.Operation.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Seed 001's property 3, persistence across restarts: over random sequences of enqueues (each
 * operation destined to succeed, fail or keep retrying), runs, cancellations and restarts of a
 * MapDB store, the queue always holds exactly the operations a simple model says, in the statuses
 * and with the attempt counts the model says.
 */
class OperationQueuePersistencePropertiesTest {
    private static final int MAX_ATTEMPTS = 3;

    /** One step of a scenario. */
    interface Step {
    }

    record Enqueue(String outcome, int priority) implements Step {
    }

    record Run() implements Step {
    }

    record Cancel(int pick) implements Step {
    }

    record Restart() implements Step {
    }

    /** What the model expects of one operation. */
    private record Expected(String outcome, Status status, int attempts) {
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Step> enqueue = Arbitraries.of("success", "fail", "retry")
                .flatMap(outcome -> Arbitraries.integers().between(0, 10).map(priority -> new Enqueue(outcome, priority)));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(5, enqueue),
                Tuple.of(3, Arbitraries.just(new Run())),
                Tuple.of(1, Arbitraries.integers().between(0, 1000).map(Cancel::new)),
                Tuple.of(2, Arbitraries.just(new Restart())));
        return step.list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 25)
    void theQueueMatchesTheModelAcrossRestarts(@ForAll("scenarios") List<Step> steps) throws IOException {
        Path directory = Files.createTempDirectory("queue-property");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        QueueOptions options = QueueOptions.builder().clock(clock).maxAttempts(MAX_ATTEMPTS).build();
        Map<String, Expected> model = new LinkedHashMap<>();
        OfflineStore store = Stores.mapdb(directory);
        OperationQueue queue = open(store, options);
        try {
            for (Step step : steps) {
                if (step instanceof Enqueue enqueue) {
                    String id = queue.enqueue(Operation.builder("job").priority(enqueue.priority())
                            .payload(Document.of(Map.of("outcome", enqueue.outcome()))).build());
                    model.put(id, new Expected(enqueue.outcome(), Status.PENDING, 0));
                } else if (step instanceof Run) {
                    clock.advance(Duration.ofHours(2));
                    queue.runNow();
                    model.replaceAll((id, expected) -> expected.status() == Status.PENDING ? afterAttempt(expected) : expected);
                } else if (step instanceof Cancel cancel) {
                    List<String> cancellable = model.entrySet().stream()
                            .filter(e -> e.getValue().status() == Status.PENDING || e.getValue().status() == Status.FAILED)
                            .map(Map.Entry::getKey).toList();
                    if (!cancellable.isEmpty()) {
                        String id = cancellable.get(cancel.pick() % cancellable.size());
                        queue.cancel(id);
                        Expected expected = model.get(id);
                        model.put(id, new Expected(expected.outcome(), Status.CANCELLED, expected.attempts()));
                    }
                } else {
                    queue.close();
                    store.close();
                    store = Stores.mapdb(directory);
                    queue = open(store, options);
                }
                for (Map.Entry<String, Expected> entry : model.entrySet()) {
                    Operation stored = queue.get(entry.getKey());
                    assertEquals(entry.getValue().status(), stored.status(), "status of " + entry.getKey() + " after " + step);
                    assertEquals(entry.getValue().attempts(), stored.attempts(), "attempts of " + entry.getKey() + " after " + step);
                }
                assertEquals(model.size(), queue.stats().total(), "operations stored after " + step);
            }
        } finally {
            queue.close();
            store.close();
            delete(directory);
        }
    }

    private static OperationQueue open(OfflineStore store, QueueOptions options) {
        OperationQueue queue = OperationQueue.open(store, options);
        queue.registerHandler("job", operation -> switch (operation.payload().getString("outcome")) {
            case "success" -> Outcome.success();
            case "fail" -> Outcome.fail("rejected");
            default -> Outcome.retry("unavailable");
        });
        return queue;
    }

    private static Expected afterAttempt(Expected expected) {
        int attempts = expected.attempts() + 1;
        return switch (expected.outcome()) {
            case "success" -> new Expected(expected.outcome(), Status.COMPLETED, attempts);
            case "fail" -> new Expected(expected.outcome(), Status.FAILED, attempts);
            default -> new Expected(expected.outcome(), attempts >= MAX_ATTEMPTS ? Status.FAILED : Status.PENDING, attempts);
        };
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
