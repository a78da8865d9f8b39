package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Change;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.Subscription;
import io.offlinestore.Transaction;
import io.offlinestore.query.Filters;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.UntrackedWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The durable change log and change listeners.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code ChangeTracking}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class ChangeTrackingContract extends EngineContractSupport {
    private static final UnaryOperator<StoreOptions.Builder> SCHEMA = b -> b
            .collection(CollectionSchema.builder("users").index(IndexDefinition.unique("email")).build())
            .collection(CollectionSchema.builder("cache").trackChanges(false).build());

    private static List<String> describe(List<Change> changes) {
        return changes.stream().map(c -> c.collection() + ":" + c.id() + ":" + c.operation() + ":v" + c.version()).toList();
    }

    @Test
    void everyCommittedWriteIsRecordedInCommitOrder() {
        OfflineStore store = open(SCHEMA);
        store.collection("users").create(doc("{'id':'u1','email':'a@x'}"));
        store.collection("users").patch("u1", doc("{'name':'A'}"));
        store.collection("orders").create(doc("{'id':1}"));
        store.collection("users").delete("u1");
        List<Change> changes = store.getChanges();
        assertEquals(List.of("users:u1:CREATE:v1", "users:u1:UPDATE:v2", "orders:1:CREATE:v1", "users:u1:DELETE:v2"),
                describe(changes));
        for (int i = 1; i < changes.size(); i++) {
            assertTrue(changes.get(i).sequence() > changes.get(i - 1).sequence());
            assertNotEquals(changes.get(i).transactionId(), changes.get(i - 1).transactionId());
        }
        assertEquals(1L, changes.get(2).id());
    }

    @Test
    void pagingByTheLastSequenceSeenNeverLosesTheRestOfACommit() {
        OfflineStore store = open(SCHEMA);
        store.collection("orders").create(doc("{'id':0}"));
        store.inTransaction(tx -> tx.collection("orders")
                .createBatch(List.of(doc("{'id':1}"), doc("{'id':2}"), doc("{'id':3}"))));
        store.collection("orders").create(doc("{'id':4}"));
        List<Object> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        long after = 0;
        for (List<Change> page = store.getChanges(after, 2); !page.isEmpty(); page = store.getChanges(after, 2)) {
            page.forEach(c -> seen.add(c.id()));
            pageSizes.add(page.size());
            after = page.get(page.size() - 1).sequence();
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seen);
        assertEquals(List.of(4, 1), pageSizes, "the second commit comes whole in the first page");
        assertEquals(List.of(), store.getChanges(0, 0));
    }

    @Test
    void untrackedWritesRecordNoChangeButKeepVersionsAndIndexes() throws InterruptedException {
        OfflineStore store = open(SCHEMA);
        store.collection("users").create(doc("{'id':'u1','email':'a@x'}"));
        BlockingQueue<Change> heard = new LinkedBlockingQueue<>();
        store.addChangeListener("users", heard::add);
        try (Transaction tx = ((UntrackedWrites) store).beginUntracked()) {
            tx.collection("users").put(doc("{'id':'u1','email':'b@x'}"));
            tx.commit();
        }
        assertEquals(List.of("users:u1:CREATE:v1"), describe(store.getChanges()), "no record of the untracked write");
        assertEquals(2, store.collection("users").metadata("u1").orElseThrow().version());
        assertEquals(1, store.collection("users").count(Filters.where("email").eq("b@x")));
        assertEquals("u1", heard.poll(5, TimeUnit.SECONDS).id(), "listeners are still told");
    }

    @Test
    void oneCommitSharesOneSequenceAndTransactionId() {
        OfflineStore store = open(SCHEMA);
        try (Transaction tx = store.beginTransaction()) {
            tx.collection("users").create(doc("{'id':'u1','email':'a@x'}"));
            tx.collection("orders").createBatch(List.of(doc("{'id':1}"), doc("{'id':2}")));
            tx.commit();
            List<Change> changes = store.getChanges();
            assertEquals(3, changes.size());
            assertTrue(changes.stream().allMatch(c -> c.sequence() == changes.get(0).sequence()));
            assertTrue(changes.stream().allMatch(c -> c.transactionId().equals(tx.id())));
            assertEquals(List.of(0, 1, 2), changes.stream().map(Change::ordinal).toList());
        }
    }

    @Test
    void failedWritesAndUntrackedCollectionsRecordNothing() {
        OfflineStore store = open(SCHEMA);
        store.collection("users").create(doc("{'id':'u1','email':'a@x'}"));
        assertThrows(DuplicateKeyException.class, () -> store.collection("users").createBatch(List.of(
                doc("{'id':'u2','email':'b@x'}"), doc("{'id':'u3','email':'a@x'}"))));
        store.collection("cache").create(doc("{'id':'k','v':1}"));
        assertEquals(List.of("users:u1:CREATE:v1"), describe(store.getChanges()));
    }

    @Test
    void changesCanBeReadByCollectionAndAfterASequence() {
        OfflineStore store = open(SCHEMA);
        for (int i = 0; i < 5; i++) {
            store.collection(i % 2 == 0 ? "users" : "orders").create(doc("{'id':" + i + ",'email':'e" + i + "'}"));
        }
        assertEquals(List.of(0L, 2L, 4L), store.getChanges("users").stream().map(Change::id).toList());
        List<Change> all = store.getChanges();
        assertEquals(all.subList(2, 4), store.getChanges(all.get(1).sequence(), 2));
        assertEquals(List.of(), store.getChanges(all.get(4).sequence(), 10));
    }

    @Test
    void markedChangesAreNoLongerReturned() {
        OfflineStore store = open(SCHEMA);
        store.collection("users").create(doc("{'id':'u1','email':'a@x'}"));
        store.collection("users").create(doc("{'id':'u2','email':'b@x'}"));
        List<Change> first = store.getChanges();
        store.collection("users").create(doc("{'id':'u3','email':'c@x'}"));
        store.markSynchronized(first);
        assertEquals(List.of("users:u3:CREATE:v1"), describe(store.getChanges()));
        store.markSynchronized(first);
        assertEquals(1, store.getChanges().size(), "marking twice changes nothing");
    }

    @Test
    void synchronizedChangesArePrunedAfterTheRetention() {
        assertEquals(2, synchronizedKeptAfterMarkingTwice(SCHEMA), "kept for the default 7 days");
        directory = directory.resolve("pruning");
        assertEquals(1, synchronizedKeptAfterMarkingTwice(b -> SCHEMA.apply(b).changeRetention(Duration.ZERO)),
                "the second marking prunes the first, which passed the retention");
    }

    private long synchronizedKeptAfterMarkingTwice(UnaryOperator<StoreOptions.Builder> options) {
        OfflineStore store = openExposingBackend(options, raw -> raw);
        store.collection("users").create(doc("{'id':'u1','email':'a@x'}"));
        store.markSynchronized(store.getChanges());
        long marked = System.currentTimeMillis();
        while (System.currentTimeMillis() == marked) {
            Thread.onSpinWait(); // the next marking must fall in a later millisecond than this one
        }
        store.collection("users").create(doc("{'id':'u2','email':'b@x'}"));
        store.markSynchronized(store.getChanges());
        long kept = backend.stats().keyspaces().get("changes.synced").entries();
        store.close();
        return kept;
    }

    @Test
    void unsynchronizedChangesSurviveReopening() {
        Assumptions.assumeTrue(persistent(), "the backend does not persist data");
        OfflineStore store = open(SCHEMA);
        store.collection("users").create(doc("{'id':'u1','email':'a@x'}"));
        store.collection("users").create(doc("{'id':'u2','email':'b@x'}"));
        store.markSynchronized(store.getChanges().subList(0, 1));
        long last = store.getChanges().get(0).sequence();
        store = reopen(store, SCHEMA);
        assertEquals(List.of("users:u2:CREATE:v1"), describe(store.getChanges()));
        store.collection("users").create(doc("{'id':'u3','email':'c@x'}"));
        assertTrue(store.getChanges().get(1).sequence() > last, "sequences keep growing after a reopen");
    }

    @Test
    void listenersHearCommitsInOrderOffTheWritersThread() throws InterruptedException {
        OfflineStore store = open(SCHEMA);
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        store.addChangeListener(change -> {
            threads.add(Thread.currentThread().getName());
            heard.add(change.collection() + ":" + change.id() + ":" + change.operation());
        });
        store.addChangeListener(change -> {
            throw new IllegalStateException("a broken listener");
        });
        BlockingQueue<String> usersOnly = new LinkedBlockingQueue<>();
        Subscription users = store.addChangeListener("users", change -> usersOnly.add(String.valueOf(change.id())));
        store.collection("users").create(doc("{'id':'u1','email':'a@x'}"));
        store.collection("orders").create(doc("{'id':7}"));
        store.collection("users").delete("u1");
        List<String> expected = List.of("users:u1:CREATE", "orders:7:CREATE", "users:u1:DELETE");
        for (String event : expected) {
            assertEquals(event, heard.poll(10, TimeUnit.SECONDS));
        }
        assertTrue(threads.stream().noneMatch(name -> name.equals(Thread.currentThread().getName())));
        assertEquals("u1", usersOnly.poll(10, TimeUnit.SECONDS));
        assertEquals("u1", usersOnly.poll(10, TimeUnit.SECONDS));
        assertEquals(null, usersOnly.poll(100, TimeUnit.MILLISECONDS), "orders are not users' changes");
        users.close();
        store.collection("users").create(doc("{'id':'u2','email':'b@x'}"));
        assertEquals("users:u2:CREATE", heard.poll(10, TimeUnit.SECONDS));
        assertEquals(null, usersOnly.poll(100, TimeUnit.MILLISECONDS), "a closed subscription hears nothing more");
        assertTrue(store.collection("users").get("u2").isPresent(), "a throwing listener does not undo commits");
    }
}
