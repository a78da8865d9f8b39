package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Change;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.OfflineStore;
import io.offlinestore.StorageException;
import io.offlinestore.query.Filters;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads committing at once (group commit): every commit that returned is visible and
 * whole, the change log's sequence numbers stay dense and in commit order, and a commit that
 * fails validation (a duplicate unique value, a conflicting transaction) fails alone while the
 * commits grouped with it go through; a write the backend fails fails its commits and stops the
 * store from taking more. Most checks run on the backend slowed down by a
 * few milliseconds per write, so that commits queue up behind each write and are grouped.
 */
public abstract class ConcurrentWritersContract extends EngineContractSupport {
    private static final int THREADS = 8;

    @Test
    void concurrentCreatesAreAllVisibleWithDenseOrderedSequences() throws Exception {
        OfflineStore store = open(b -> b.collection(CollectionSchema.builder("events").index(IndexDefinition.of("writer"))
                .build()));
        int perThread = 60;
        List<Long> lastSequences = run(writer -> {
            long last = 0;
            for (int i = 0; i < perThread; i++) {
                String id = "w" + writer + "-" + i;
                store.collection("events").create(doc("{'id':'" + id + "','writer':" + writer + "}"));
                long sequence = store.collection("events").metadata(id).orElseThrow().sequence();
                assertTrue(sequence > last, "a writer's later commit has a larger sequence");
                last = sequence;
            }
            return last;
        });
        assertEquals(THREADS, lastSequences.size());
        DocumentCollection events = store.collection("events");
        assertEquals(THREADS * perThread, events.count());
        for (int writer = 0; writer < THREADS; writer++) {
            assertEquals(perThread, events.count(Filters.where("writer").eq(writer)));
        }
        assertDense(store.getChanges(), THREADS * perThread);
        assertTrue(store.check().isHealthy(), () -> store.check().toString());
        if (persistent()) {
            OfflineStore reopened = reopen(store, b -> b);
            assertEquals(THREADS * perThread, reopened.collection("events").count());
            assertDense(reopened.getChanges(), THREADS * perThread);
        }
    }

    @Test
    void commitsArrivingDuringAWriteAreWrittenTogether() throws Exception {
        SlowBackend slow = new SlowBackend();
        OfflineStore store = openExposingBackend(b -> b, slow::wrap);
        int perThread = 25;
        int appliesBefore = slow.applies.get();
        run(writer -> {
            for (int i = 0; i < perThread; i++) {
                store.collection("items").create(doc("{'id':'w" + writer + "-" + i + "'}"));
            }
            return null;
        });
        int applies = slow.applies.get() - appliesBefore;
        assertEquals(THREADS * perThread, store.collection("items").count());
        assertTrue(applies <= THREADS * perThread / 2,
                THREADS * perThread + " commits from " + THREADS + " threads took " + applies + " backend writes");
        assertDense(store.getChanges(), THREADS * perThread);
    }

    @Test
    void aDuplicateUniqueValueFailsOnlyItsOwnCommit() throws Exception {
        SlowBackend slow = new SlowBackend();
        OfflineStore store = openExposingBackend(b -> b.collection(CollectionSchema.builder("users")
                .index(IndexDefinition.unique("email")).build()), slow::wrap);
        int rounds = 10;
        ConcurrentLinkedQueue<Object> duplicates = new ConcurrentLinkedQueue<>();
        run(writer -> {
            for (int round = 0; round < rounds; round++) {
                store.collection("users").create(doc("{'id':'own-" + writer + "-" + round + "','email':'own-" + writer
                        + "-" + round + "@x'}"));
                try {
                    store.collection("users").create(doc("{'id':'shared-" + writer + "-" + round + "','email':'shared-"
                            + round + "@x'}"));
                } catch (DuplicateKeyException e) {
                    duplicates.add(e);
                }
            }
            return null;
        });
        DocumentCollection users = store.collection("users");
        assertEquals((long) THREADS * rounds, users.count(Filters.where("id").regex("^own-")));
        for (int round = 0; round < rounds; round++) {
            assertEquals(1, users.count(Filters.where("email").eq("shared-" + round + "@x")),
                    "exactly one writer gets shared-" + round + "@x");
        }
        assertEquals((THREADS - 1) * rounds, duplicates.size());
        assertDense(store.getChanges(), THREADS * rounds + rounds);
        assertTrue(store.check().isHealthy(), () -> store.check().toString());
    }

    @Test
    void conflictingTransactionsInOneGroupLoseNoUpdate() throws Exception {
        SlowBackend slow = new SlowBackend();
        OfflineStore store = openExposingBackend(b -> b.transactionRetries(100_000), slow::wrap);
        store.collection("counters").create(doc("{'id':'c','value':0}"));
        int perThread = 15;
        run(writer -> {
            for (int i = 0; i < perThread; i++) {
                store.inTransaction(tx -> {
                    DocumentCollection counters = tx.collection("counters");
                    Document counter = counters.get("c").orElseThrow();
                    counters.put(counter.with("value", counter.getLong("value") + 1));
                });
            }
            return null;
        });
        assertEquals(THREADS * perThread, store.collection("counters").get("c").orElseThrow().getLong("value"));
        assertEquals(THREADS * perThread + 1, store.collection("counters").metadata("c").orElseThrow().version());
    }

    @Test
    void aFailedWriteFailsItsCommitAndTheStoreTakesNoMoreUntilReopened() {
        AtomicInteger failNext = new AtomicInteger();
        OfflineStore store = openExposingBackend(b -> b, inner -> new ForwardingBackend(inner) {
            @Override
            public void apply(WriteBatch batch) {
                if (failNext.getAndSet(0) == 1) {
                    throw new StorageException("disk full (injected)");
                }
                super.apply(batch);
            }
        });
        DocumentCollection items = store.collection("items");
        items.create(doc("{'id':'a'}"));
        failNext.set(1);
        StorageException failed = assertThrows(StorageException.class, () -> items.create(doc("{'id':'b'}")));
        assertTrue(failed.getMessage().contains("disk full (injected)"), failed.getMessage());
        StorageException refused = assertThrows(StorageException.class, () -> items.create(doc("{'id':'c'}")));
        assertTrue(refused.getMessage().contains("open the store again"), refused.getMessage());
        assertTrue(items.get("a").isPresent());
        assertFalse(items.get("b").isPresent());
        assertFalse(items.get("c").isPresent());
    }

    private static void assertDense(List<Change> changes, int expected) {
        assertEquals(expected, changes.size(), "changes recorded");
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (Change change : changes) {
            assertTrue(change.sequence() > previous, "sequences ascend: " + previous + " then " + change.sequence());
            previous = change.sequence();
            seen.add(change.sequence());
        }
        assertEquals(seen.size(), (int) (changes.get(changes.size() - 1).sequence() - changes.get(0).sequence() + 1),
                "commit sequences have no gaps");
    }

    /** Runs the task on {@link #THREADS} threads started together; their results in writer order. */
    private static <T> List<T> run(WriterTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int writer = 0; writer < THREADS; writer++) {
                int id = writer;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(id);
                };
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One writer's work. */
    @FunctionalInterface
    private interface WriterTask<T> {
        T run(int writer) throws Exception;
    }

    /** Slows each backend write down by five milliseconds and counts the writes. */
    private static final class SlowBackend {
        final AtomicInteger applies = new AtomicInteger();

        StorageBackend wrap(StorageBackend inner) {
            return new ForwardingBackend(inner) {
                @Override
                public void apply(WriteBatch batch) {
                    applies.incrementAndGet();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    super.apply(batch);
                }
            };
        }
    }
}
