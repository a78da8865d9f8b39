package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentMetadata;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.TransactionConflictException;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multi-collection transactions: atomic commit, rollback, read-your-writes, optimistic conflicts.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code Transaction}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class TransactionContract extends EngineContractSupport {
    private OfflineStore store;

    @BeforeEach
    void openStore() {
        store = open(b -> b.transactionRetries(10_000)
                .collection(CollectionSchema.builder("users").index(IndexDefinition.unique("email")).build())
                .collection(CollectionSchema.builder("orders").index(IndexDefinition.of("user_id")).build()));
    }

    @Test
    void commitAppliesWritesToSeveralCollectionsTogether() {
        try (Transaction tx = store.beginTransaction("users", "orders")) {
            tx.collection("users").create(doc("{'id':'user123','name':'John','email':'j@x'}"));
            tx.collection("orders").create(doc("{'id':'order456','user_id':'user123','total':99.99}"));
            assertFalse(store.collection("users").get("user123").isPresent(), "not visible before commit");
            assertEquals(0, store.collection("orders").count());
            tx.commit();
        }
        assertTrue(store.collection("users").get("user123").isPresent());
        assertEquals(1, store.collection("orders").count(Filters.where("user_id").eq("user123")));
    }

    @Test
    void rollbackAndCloseDiscardEverything() {
        Transaction tx = store.beginTransaction("users");
        tx.collection("users").create(doc("{'id':'a','email':'a@x'}"));
        tx.rollback();
        assertFalse(tx.isActive());
        assertThrows(IllegalStateException.class, tx::commit);
        try (Transaction other = store.beginTransaction()) {
            other.collection("users").create(doc("{'id':'b','email':'b@x'}"));
        }
        assertEquals(0, store.collection("users").count());
    }

    @Test
    void aTransactionReadsItsOwnWrites() {
        store.collection("users").createBatch(List.of(doc("{'id':'a','email':'a@x','n':1}"), doc("{'id':'b','email':'b@x','n':2}")));
        try (Transaction tx = store.beginTransaction("users")) {
            DocumentCollection users = tx.collection("users");
            users.create(doc("{'id':'c','email':'c@x','n':3}"));
            users.patch("a", doc("{'n':10}"));
            users.delete("b");
            assertEquals(10, users.get("a").orElseThrow().getInteger("n"));
            assertFalse(users.get("b").isPresent());
            assertEquals(List.of("c", "a"), ids(users.query(Query.all().sort("n", Direction.ASC))));
            assertEquals(List.of("a"), ids(users.query(Query.filter(Filters.where("n").gt(5)))));
            assertEquals(1, users.count(Filters.where("email").eq("c@x")));
            assertEquals(2, users.count());
            assertEquals(List.of("a", "b"), ids(all(store.collection("users"))), "others still see the committed state");
        }
    }

    @Test
    void aDocumentChangedAfterItWasReadMakesTheCommitFail() {
        store.collection("users").create(doc("{'id':'a','email':'a@x','n':1}"));
        Transaction tx = store.beginTransaction("users", "orders");
        int n = tx.collection("users").get("a").orElseThrow().getInteger("n");
        tx.collection("orders").create(doc("{'id':'o1','user_id':'a','n':" + n + "}"));
        store.collection("users").patch("a", doc("{'n':2}"));
        TransactionConflictException e = assertThrows(TransactionConflictException.class, tx::commit);
        assertEquals("users", e.collection());
        assertEquals("a", e.id());
        assertEquals(0, store.collection("orders").count(), "nothing of the conflicting transaction was applied");
    }

    @Test
    void twoTransactionsWritingOneDocumentConflict() {
        store.collection("users").create(doc("{'id':'a','email':'a@x','n':1}"));
        Transaction first = store.beginTransaction("users");
        Transaction second = store.beginTransaction("users");
        first.collection("users").patch("a", doc("{'n':2}"));
        second.collection("users").patch("a", doc("{'n':3}"));
        first.commit();
        assertThrows(TransactionConflictException.class, second::commit);
        assertEquals(2, store.collection("users").get("a").orElseThrow().getInteger("n"));
    }

    @Test
    void deletingAndRecreatingADocumentIsAConflictToo() {
        store.collection("users").create(doc("{'id':'a','email':'a@x','n':1}"));
        Transaction tx = store.beginTransaction("users");
        tx.collection("users").patch("a", doc("{'n':5}"));
        store.collection("users").delete("a");
        store.collection("users").create(doc("{'id':'a','email':'a@x','n':1}"));
        assertThrows(TransactionConflictException.class, tx::commit);
    }

    @Test
    void aTransactionSeesACollectionOthersCreateAfterItFirstLookedAtIt() {
        try (Transaction tx = store.beginTransaction()) {
            assertFalse(tx.collection("late").get("x").isPresent());
            store.collection("late").create(doc("{'id':'y','n':1}"));
            assertEquals(1, tx.collection("late").get("y").orElseThrow().getInteger("n"));
            tx.collection("late").patch("y", doc("{'n':2}"));
            tx.commit();
        }
        assertEquals(2, store.collection("late").get("y").orElseThrow().getInteger("n"));
    }

    @Test
    void aUniqueViolationAtCommitAppliesNothing() {
        store.collection("users").create(doc("{'id':'a','email':'taken@x'}"));
        Transaction tx = store.beginTransaction("users", "orders");
        tx.collection("orders").create(doc("{'id':'o1','user_id':'b'}"));
        tx.collection("users").create(doc("{'id':'b','email':'taken@x'}"));
        assertThrows(DuplicateKeyException.class, tx::commit);
        assertEquals(0, store.collection("orders").count());
        assertEquals(1, store.collection("users").count());
    }

    @Test
    void concurrentReadModifyWriteIncrementsLoseNoUpdate() throws Exception {
        store.collection("users").create(doc("{'id':'counter','email':'c@x','count':0}"));
        int threads = 4;
        int increments = 50;
        runInThreads(threads, t -> {
            for (int i = 0; i < increments; i++) {
                store.inTransaction(tx -> {
                    DocumentCollection users = tx.collection("users");
                    Document counter = users.get("counter").orElseThrow();
                    users.update(counter.with("count", counter.getInteger("count") + 1));
                });
            }
        });
        assertEquals(threads * increments, store.collection("users").get("counter").orElseThrow().getInteger("count"));
    }

    @Test
    void eightThreadsOfOneHundredIncrementsOfOneDocumentAddUpWithDefaultOptions() throws Exception {
        OfflineStore defaults = reopen(store, b -> b);
        defaults.collection("counters").create(doc("{'id':'hot','count':0}"));
        int threads = 8;
        int increments = 100;
        runInThreads(threads, t -> {
            for (int i = 0; i < increments; i++) {
                increment(defaults, "hot");
            }
        });
        assertEquals(threads * increments, defaults.collection("counters").get("hot").orElseThrow().getInteger("count"));
    }

    @Test
    void writersOfOtherDocumentsNeverRetryBecauseOfAHotOne() throws Exception {
        OfflineStore defaults = reopen(store, b -> b);
        DocumentCollection counters = defaults.collection("counters");
        counters.create(doc("{'id':'hot','count':0}"));
        int hotThreads = 4;
        int ownThreads = 4;
        int increments = 100;
        for (int t = 0; t < ownThreads; t++) {
            counters.create(doc("{'id':'own" + t + "','count':0}"));
        }
        AtomicInteger[] ownAttempts = new AtomicInteger[ownThreads];
        for (int t = 0; t < ownThreads; t++) {
            ownAttempts[t] = new AtomicInteger();
        }
        runInThreads(hotThreads + ownThreads, t -> {
            for (int i = 0; i < increments; i++) {
                if (t < hotThreads) {
                    increment(defaults, "hot");
                } else {
                    AtomicInteger attempts = ownAttempts[t - hotThreads];
                    defaults.inTransaction(tx -> {
                        attempts.incrementAndGet();
                        DocumentCollection own = tx.collection("counters");
                        Document counter = own.get("own" + (t - hotThreads)).orElseThrow();
                        own.update(counter.with("count", counter.getInteger("count") + 1));
                    });
                }
            }
        });
        assertEquals(hotThreads * increments, counters.get("hot").orElseThrow().getInteger("count"));
        for (int t = 0; t < ownThreads; t++) {
            assertEquals(increments, counters.get("own" + t).orElseThrow().getInteger("count"));
            assertEquals(increments, ownAttempts[t].get(), "a writer of its own document ran each block once");
        }
    }

    @Test
    void aBlockThatKeepsConflictingGivesUpAfterTheTimeoutSayingHowOftenAndHowLong() {
        OfflineStore impatient = reopen(store, b -> b.transactionTimeout(Duration.ofMillis(300)));
        impatient.collection("c").create(doc("{'id':1,'n':0}"));
        AtomicInteger runs = new AtomicInteger();
        TransactionConflictException e = assertThrows(TransactionConflictException.class, () -> impatient.inTransaction(tx -> {
            runs.incrementAndGet();
            tx.collection("c").get(1);
            impatient.collection("c").patch(1, doc("{'n':" + runs.get() + "}"));
            tx.collection("c").patch(1, doc("{'x':true}"));
        }));
        assertEquals(runs.get(), e.attempts());
        assertTrue(e.attempts() > 1, "it retried before giving up");
        assertTrue(e.elapsed().compareTo(Duration.ofMillis(300)) >= 0, "it kept trying for the whole timeout: " + e.elapsed());
        assertTrue(e.getMessage().contains(e.attempts() + " attempts over") && e.getMessage().contains("'c'"), e.getMessage());
        assertEquals(1L, e.id());
        assertFalse(impatient.collection("c").get(1).orElseThrow().has("x"), "no attempt was applied");
    }

    private static void increment(OfflineStore target, String id) {
        target.inTransaction(tx -> {
            DocumentCollection counters = tx.collection("counters");
            Document counter = counters.get(id).orElseThrow();
            counters.update(counter.with("count", counter.getInteger("count") + 1));
        });
    }

    /** Runs the body on that many threads at once (each gets its index) and rethrows the first failure. */
    private static void runInThreads(int threads, IntConsumer body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.accept(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void inTransactionRetriesAConflictAndRollsBackOnError() {
        store.collection("users").create(doc("{'id':'a','email':'a@x','n':1}"));
        AtomicInteger runs = new AtomicInteger();
        int result = store.callInTransaction(tx -> {
            int n = tx.collection("users").get("a").orElseThrow().getInteger("n");
            if (runs.incrementAndGet() == 1) {
                store.collection("users").patch("a", doc("{'n':100}"));
            }
            tx.collection("users").patch("a", doc("{'n':" + (n + 1) + "}"));
            return n + 1;
        });
        assertEquals(2, runs.get(), "the conflicting first run was retried");
        assertEquals(101, result);
        assertEquals(101, store.collection("users").get("a").orElseThrow().getInteger("n"));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
            tx.collection("users").patch("a", doc("{'n':0}"));
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", failure.getMessage());
        assertEquals(101, store.collection("users").get("a").orElseThrow().getInteger("n"));
    }

    @Test
    void retriesAreBounded() {
        OfflineStore strict = reopen(store, b -> b.transactionRetries(1));
        strict.collection("c").create(doc("{'id':1,'n':0}"));
        AtomicInteger runs = new AtomicInteger();
        TransactionConflictException e = assertThrows(TransactionConflictException.class, () -> strict.inTransaction(tx -> {
            runs.incrementAndGet();
            tx.collection("c").get(1);
            strict.collection("c").patch(1, doc("{'n':" + runs.get() + "}"));
            tx.collection("c").patch(1, doc("{'x':true}"));
        }));
        assertEquals(2, runs.get(), "one run and one retry");
        assertEquals(2, e.attempts());
    }

    @Test
    void aTransactionOnlyReachesItsCollectionsAndRefusesIndexChanges() {
        try (Transaction tx = store.beginTransaction("users")) {
            assertThrows(IllegalArgumentException.class, () -> tx.collection("orders"));
            assertThrows(UnsupportedOperationException.class,
                    () -> tx.collection("users").createIndex(IndexDefinition.of("name")));
        }
    }

    @Test
    void documentsCarryVersionAndTimestampsOutsideTheirBody() {
        DocumentCollection users = store.collection("users");
        users.create(doc("{'id':'a','email':'a@x'}"));
        DocumentMetadata created = users.metadata("a").orElseThrow();
        users.patch("a", doc("{'n':1}"));
        DocumentMetadata updated = users.metadata("a").orElseThrow();
        assertEquals(1, created.version());
        assertEquals(2, updated.version());
        assertEquals(created.createdAt(), updated.createdAt());
        assertFalse(updated.updatedAt().isBefore(created.updatedAt()));
        assertTrue(updated.sequence() > created.sequence());
        assertFalse(users.get("a").orElseThrow().has("version"), "metadata stays out of the body");
        assertTrue(users.metadata("nobody").isEmpty());
    }
}
