package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Change;
import io.offlinestore.ClearOptions;
import io.offlinestore.ConstraintViolationException;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.EvictionResult;
import io.offlinestore.EvictionStrategy;
import io.offlinestore.IntegrityReport;
import io.offlinestore.OfflineStore;
import io.offlinestore.StorageInfo;
import io.offlinestore.StorageQuotaExceededException;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Eviction policies, the size limit, clear and compact: max-age with a moved clock, max-size
 * and max-documents bounds after bulk inserts, LRU keeping what was read, documents with
 * unsynchronized changes or restricting children never evicted, evictions writing no change
 * record but heard by listeners, a write past the limit refused with nothing written, policies
 * kept across reopen. Every pass must leave {@code check()} healthy: indexes lose exactly the
 * entries of the evicted documents.
 */
public abstract class EvictionContract extends EngineContractSupport {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(START);

    private OfflineStore openLogs(EvictionPolicy policy) {
        return open(b -> b.collection(logsSchema(policy)), clock);
    }

    private static CollectionSchema logsSchema(EvictionPolicy policy) {
        return CollectionSchema.builder("logs").index(IndexDefinition.of("level")).eviction(policy).build();
    }

    /** Writes documents {@code from..to-1}, one commit each, the clock moving a minute before each. */
    private void write(DocumentCollection logs, long from, long to) {
        for (long i = from; i < to; i++) {
            clock.advance(Duration.ofMinutes(1));
            logs.create(doc("{'id':" + i + ",'level':'l" + (i % 3) + "','text':'" + "x".repeat(100) + "'}"));
        }
    }

    private static void syncAll(OfflineStore store) {
        store.markSynchronized(store.getChanges());
    }

    private static Set<Object> idsOf(DocumentCollection collection) {
        return all(collection).stream().map(Document::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Object> range(long from, long to) {
        return LongStream.range(from, to).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertHealthy(OfflineStore store) {
        IntegrityReport report = store.check();
        assertTrue(report.isHealthy(), report.problems().toString());
    }

    @Test
    void maxAgeEvictsWhatTheMovedClockMadeOldAndWritesNoChangeRecord() {
        OfflineStore store = openLogs(EvictionPolicy.maxAge(Duration.ofDays(7)));
        DocumentCollection logs = store.collection("logs");
        write(logs, 0, 10);
        syncAll(store);
        clock.advance(Duration.ofDays(8));
        write(logs, 10, 15);
        List<Change> heard = new CopyOnWriteArrayList<>();
        store.addChangeListener("logs", heard::add);

        EvictionResult result = store.evict();

        assertEquals(10, result.evicted().get("logs"));
        assertEquals(range(10, 15), idsOf(logs));
        assertEquals(5, logs.query(Query.filter(Filters.where("level").in("l0", "l1", "l2"))).size(),
                "the index answers for the remaining documents only");
        assertEquals(5, store.getChanges("logs").size(), "only the five creates stay pending: no record of eviction");
        assertTrue(store.getChanges("logs").stream().allMatch(c -> c.operation() == Change.Operation.CREATE));
        awaitTrue(() -> heard.size() == 10, "listeners hear the ten evictions");
        assertTrue(heard.stream().allMatch(c -> c.operation() == Change.Operation.EVICTED), heard.toString());
        assertHealthy(store);
        assertEquals(0, store.evict().total(), "a second pass finds nothing more");
    }

    @Test
    void documentsWithUnsynchronizedChangesAreNeverEvicted() {
        OfflineStore store = openLogs(EvictionPolicy.maxAge(Duration.ofDays(1)));
        DocumentCollection logs = store.collection("logs");
        write(logs, 0, 6);
        syncAll(store);
        logs.update(doc("{'id':2,'level':'changed'}"));
        write(logs, 6, 8);
        clock.advance(Duration.ofDays(2));

        EvictionResult result = store.evict();

        assertEquals(Set.of(2L, 6L, 7L), idsOf(logs), "the updated and the new documents are pending");
        assertEquals(5, result.evicted().get("logs"));
        assertEquals(3, result.kept());
        syncAll(store);
        assertEquals(3, store.evict().evicted().get("logs"), "once synchronized they may go");
        assertEquals(0, logs.count());
        assertHealthy(store);
    }

    @Test
    void maxDocumentsHoldsAfterBulkInsertKeepingTheNewest() {
        OfflineStore store = openLogs(EvictionPolicy.maxDocuments(20));
        DocumentCollection logs = store.collection("logs");
        write(logs, 0, 50);
        syncAll(store);
        store.evict();
        Set<Object> left = idsOf(logs);
        assertTrue(left.size() <= 20 && left.size() >= 18, "at most the bound, at least its low-water mark: " + left);
        assertEquals(range(50 - left.size(), 50), left, "the most recently written stay");
        assertHealthy(store);
    }

    @Test
    void maxSizeHoldsAfterBulkInsert() {
        OfflineStore store = openLogs(EvictionPolicy.maxSize(4096));
        DocumentCollection logs = store.collection("logs");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(doc("{'id':" + i + ",'level':'l" + (i % 3) + "','text':'" + "y".repeat(200) + "'}"));
        }
        logs.createBatch(batch);
        syncAll(store);
        store.evict();
        StorageInfo.CollectionUsage usage = store.storageInfo().collections().get("logs");
        assertTrue(usage.documents() > 0 && usage.documents() < 200, usage.toString());
        assertTrue(usage.documents() <= 4096 / 200, "each document takes over 200 bytes: " + usage);
        assertEquals(EvictionPolicy.maxSize(4096), usage.eviction());
        assertHealthy(store);
    }

    @Test
    void lruKeepsRecentlyReadDocuments() {
        OfflineStore store = openLogs(EvictionPolicy.lru(30 * 160));
        DocumentCollection logs = store.collection("logs");
        write(logs, 0, 60); // past the bound: a background pass may run at any time from here
        clock.advance(Duration.ofMinutes(5));
        for (long id = 0; id < 5; id++) { // read while every document is pending, so none can go yet
            assertTrue(logs.get(id).isPresent());
        }
        syncAll(store);
        store.evict();
        Set<Object> left = idsOf(logs);
        assertTrue(left.containsAll(range(0, 5)), "the five oldest were read last and stay: " + left);
        assertFalse(left.contains(5L), "the least recently used went: " + left);
        assertTrue(left.size() < 60, left.toString());
        assertHealthy(store);
    }

    @Test
    void aRestrictRelationshipKeepsItsParent() {
        OfflineStore store = open(b -> b
                .collection(CollectionSchema.builder("authors").eviction(EvictionPolicy.maxAge(Duration.ofDays(1)))
                        .relationship(Relationship.oneToMany("books", "books", "authorId").onDelete(OnDelete.RESTRICT))
                        .build())
                .collection(CollectionSchema.builder("books").build()), clock);
        store.collection("authors").createBatch(List.of(doc("{'id':1}"), doc("{'id':2}")));
        store.collection("books").create(doc("{'id':10,'authorId':1}"));
        syncAll(store);
        clock.advance(Duration.ofDays(2));
        EvictionResult result = store.evict();
        assertEquals(Set.of(1L), idsOf(store.collection("authors")));
        assertEquals(1, result.kept());
        assertHealthy(store);
    }

    @Test
    void aWritePastTheSizeLimitFailsAndLeavesTheStoreUnchanged() {
        OfflineStore store = open(b -> b.sizeLimit(8 * 1024).collection(logsSchema(null)), clock);
        DocumentCollection logs = store.collection("logs");
        long written = 0;
        StorageQuotaExceededException refused = null;
        while (refused == null && written < 1000) {
            try {
                write(logs, written, written + 1);
                written++;
            } catch (StorageQuotaExceededException e) {
                refused = e;
            }
        }
        assertTrue(refused != null, "a write past the limit is refused");
        assertEquals(8 * 1024, refused.limit());
        assertTrue(refused.usage() > refused.limit(), refused.getMessage());
        assertEquals("logs", refused.collection());
        assertEquals(range(0, written), idsOf(logs));
        assertTrue(logs.get(written).isEmpty());
        assertEquals(written, store.getChanges("logs").size(), "no change record of the refused write");
        long available = store.storageInfo().availableBytes();
        assertTrue(available >= 0 && available < 8 * 1024, "available " + available);
        assertEquals(8 * 1024, store.storageInfo().sizeLimit().getAsLong());
        assertHealthy(store);
        syncAll(store);
        long next = written;
        assertThrows(StorageQuotaExceededException.class, () -> write(logs, next, next + 1),
                "strategy none evicts nothing even once synchronized");
    }

    @Test
    void theLruStrategyMakesRoomForWritesWithinTheLimit() {
        OfflineStore store = open(b -> b.sizeLimit(8 * 1024).evictionStrategy(EvictionStrategy.LRU)
                .collection(logsSchema(null))
                .collection(CollectionSchema.builder("keep").eviction(EvictionPolicy.none()).build()), clock);
        store.collection("keep").create(doc("{'id':'k','text':'kept'}"));
        DocumentCollection logs = store.collection("logs");
        for (long i = 0; i < 300; i += 10) {
            write(logs, i, i + 10);
            syncAll(store);
        }
        Set<Object> left = idsOf(logs);
        assertTrue(left.contains(299L) && !left.contains(0L), left.toString());
        assertTrue(store.collection("keep").get("k").isPresent(), "a collection with policy none is never evicted");
        assertTrue(store.storageInfo().availableBytes() >= 0);
        assertHealthy(store);
    }

    @Test
    void policiesSurviveReopen() {
        OfflineStore store = open(b -> b.collection(logsSchema(null)), clock);
        store.setEvictionPolicy("logs", EvictionPolicy.maxAge(Duration.ofDays(3)));
        store.setEvictionPolicy("other", EvictionPolicy.lru(1 << 20));
        assertEquals(EvictionPolicy.maxAge(Duration.ofDays(3)),
                store.storageInfo().collections().get("logs").eviction());
        if (!persistent()) {
            return;
        }
        store = reopen(store, b -> b.collection(logsSchema(null)));
        assertEquals(EvictionPolicy.maxAge(Duration.ofDays(3)),
                store.schemas().stream().filter(s -> s.name().equals("logs")).findFirst().orElseThrow().eviction()
                        .orElseThrow(), "a policy set at run time outlives the declaration without one");
        assertEquals(EvictionPolicy.lru(1 << 20), store.storageInfo().collections().get("other").eviction());
        store = reopen(store, b -> b.collection(logsSchema(EvictionPolicy.maxDocuments(5))));
        assertEquals(EvictionPolicy.maxDocuments(5), store.storageInfo().collections().get("logs").eviction(),
                "a declared policy replaces the stored one");
    }

    @Test
    void clearRefusesPendingChangesUnlessToldToDiscardThem() {
        OfflineStore store = openLogs(null);
        DocumentCollection logs = store.collection("logs");
        write(logs, 0, 10);
        store.collection("other").create(doc("{'id':1}"));
        assertEquals(10, store.storageInfo().collections().get("logs").pendingChanges());

        ConstraintViolationException refused = assertThrows(ConstraintViolationException.class,
                () -> store.clear("logs"));
        assertTrue(refused.getMessage().contains("'logs'") && refused.getMessage().contains("10"), refused.getMessage());
        assertEquals(10, logs.count(), "nothing was cleared");

        store.clear(ClearOptions.discardPending(), "logs");
        assertEquals(0, logs.count());
        assertTrue(store.getChanges("logs").isEmpty(), "the pending changes were discarded");
        assertEquals(1, store.getChanges("other").size(), "other collections keep theirs");
        assertEquals(0, store.storageInfo().collections().get("logs").pendingChanges());
        assertHealthy(store);

        write(logs, 10, 15);
        syncAll(store);
        store.clear("logs");
        assertEquals(0, logs.count());
        assertTrue(store.getChanges().isEmpty(), "clear writes no change record");
        assertHealthy(store);
    }

    @Test
    void compactReclaimsWhatItCanAndKeepsTheData() {
        OfflineStore store = openLogs(null);
        DocumentCollection logs = store.collection("logs");
        List<Document> batch = new ArrayList<>();
        for (long i = 0; i < 200; i++) {
            batch.add(doc("{'id':" + i + ",'level':'l" + (i % 3) + "','text':'" + "z".repeat(500) + "'}"));
        }
        logs.createBatch(batch);
        store.inTransaction(tx -> {
            for (long i = 0; i < 150; i++) {
                tx.collection("logs").delete(i);
            }
        });
        long reclaimed = store.compact();
        assertTrue(reclaimed >= 0, "reclaimed " + reclaimed);
        assertEquals(range(150, 200), idsOf(logs));
        assertHealthy(store);
        write(logs, 200, 210);
        if (persistent()) {
            store = reopen(store, b -> b.collection(logsSchema(null)));
            assertEquals(range(150, 210), idsOf(store.collection("logs")), "the compacted store reopens whole");
            assertHealthy(store);
        }
    }

    @Test
    void aCommitPastABoundTriggersABackgroundPass() {
        OfflineStore store = openLogs(EvictionPolicy.maxDocuments(10));
        DocumentCollection logs = store.collection("logs");
        write(logs, 0, 12);
        syncAll(store);
        write(logs, 12, 13);
        awaitTrue(() -> logs.count() <= 10, "the background pass brings the collection under its bound");
        assertHealthy(store);
    }

    @Test
    void theIntervalRunsPassesUnprompted() {
        OfflineStore store = open(b -> b.evictionInterval(Duration.ofMillis(50))
                .collection(logsSchema(EvictionPolicy.maxAge(Duration.ofHours(1)))), clock);
        DocumentCollection logs = store.collection("logs");
        write(logs, 0, 5);
        syncAll(store);
        clock.advance(Duration.ofHours(2));
        awaitTrue(() -> logs.count() == 0, "the scheduled pass evicts the old documents");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
