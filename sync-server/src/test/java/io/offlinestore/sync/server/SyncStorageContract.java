package io.offlinestore.sync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.MutationKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SyncStorage} must do, run over the in-memory storage and PostgreSQL:
 * atomic transactions that see their own writes, monotone sequences, pages in sequence order
 * with each document once at its latest state, the dedup table looked up by lane, and purging.
 */
public abstract class SyncStorageContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A new, empty storage. */
    protected abstract SyncStorage storage();

    private static ServerDocument doc(String collection, String id, long sequence, boolean deleted, Instant at) {
        DocumentRef ref = DocumentRef.of(collection, id);
        ObjectNode body = deleted ? null : JsonNodeFactory.instance.objectNode().put("id", id).put("n", sequence);
        return new ServerDocument(ref, sequence, sequence, deleted, body, new MutationKey("c1", sequence, ref), at);
    }

    private static long write(SyncStorage storage, String collection, String id, boolean deleted, Instant at) {
        return storage.transact(tx -> {
            long sequence = tx.nextSequence();
            tx.write(doc(collection, id, sequence, deleted, at));
            return sequence;
        });
    }

    private static List<String> ids(List<ServerDocument> page) {
        return page.stream().map(d -> d.document().id().textValue()).collect(Collectors.toList());
    }

    @Test
    void aTransactionSeesItsOwnWritesAndCommitsThemTogether() {
        SyncStorage storage = storage();
        DocumentRef a = DocumentRef.of("users", "a");
        storage.transact(tx -> {
            long s1 = tx.nextSequence();
            tx.write(doc("users", "a", s1, false, T0));
            assertEquals(s1, tx.document(a).orElseThrow().version());
            long s2 = tx.nextSequence();
            assertTrue(s2 > s1);
            tx.write(doc("users", "b", s2, false, T0));
            tx.recordProcessed(new MutationKey("c1", 1, a), s1, T0);
            assertEquals(Optional.of(new LaneHead(1, s1)), tx.laneHead("c1", a));
            return null;
        });
        assertEquals(List.of("a", "b"), ids(storage.changedAfter("users", 0, 10)));
        storage.transact(tx -> {
            assertEquals("a", tx.document(a).orElseThrow().body().get("id").textValue());
            assertEquals(1, tx.laneHead("c1", a).orElseThrow().sequence());
            assertEquals(tx.document(a).orElseThrow().version(), tx.laneHead("c1", a).orElseThrow().version());
            assertTrue(tx.laneHead("c2", a).isEmpty());
            assertTrue(tx.laneHead("c1", DocumentRef.of("users", "b")).isEmpty());
            return null;
        });
    }

    @Test
    void theLaneHeadIsTheClientsLatestProcessedWriteToTheDocument() {
        SyncStorage storage = storage();
        DocumentRef a = DocumentRef.of("users", "a");
        DocumentRef b = DocumentRef.of("users", "b");
        storage.transact(tx -> {
            tx.recordProcessed(new MutationKey("c1", 3, a), 10, T0);
            tx.recordProcessed(new MutationKey("c1", 5, b), 11, T0);
            return null;
        });
        storage.transact(tx -> {
            tx.recordProcessed(new MutationKey("c1", 7, a), 12, T0);
            assertEquals(Optional.of(new LaneHead(7, 12)), tx.laneHead("c1", a), "its own staged write");
            return null;
        });
        storage.transact(tx -> {
            assertEquals(Optional.of(new LaneHead(7, 12)), tx.laneHead("c1", a));
            assertEquals(Optional.of(new LaneHead(5, 11)), tx.laneHead("c1", b));
            assertTrue(tx.laneHead("c1", DocumentRef.of("orders", "a")).isEmpty());
            assertTrue(tx.laneHead("c1", DocumentRef.of("users", 7)).isEmpty(), "an integer id is another document");
            return null;
        });
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        SyncStorage storage = storage();
        long first = write(storage, "users", "a", false, T0);
        DocumentRef b = DocumentRef.of("users", "b");
        assertThrows(IllegalStateException.class, () -> storage.transact(tx -> {
            tx.write(doc("users", "b", tx.nextSequence(), false, T0));
            tx.recordProcessed(new MutationKey("c1", 9, b), 9, T0);
            throw new IllegalStateException("boom");
        }));
        assertEquals(List.of("a"), ids(storage.changedAfter("users", 0, 10)));
        storage.transact(tx -> {
            assertTrue(tx.document(b).isEmpty());
            assertTrue(tx.laneHead("c1", b).isEmpty());
            return null;
        });
        assertTrue(write(storage, "users", "c", false, T0) > first, "sequences only grow");
    }

    @Test
    void pagesComeInSequenceOrderWithEachDocumentOnceAtItsLatestState() {
        SyncStorage storage = storage();
        write(storage, "users", "a", false, T0);
        write(storage, "users", "b", false, T0);
        write(storage, "orders", "o", false, T0);
        long rewrite = write(storage, "users", "a", false, T0);
        write(storage, "users", "c", false, T0);

        List<ServerDocument> all = storage.changedAfter("users", 0, 10);
        assertEquals(List.of("b", "a", "c"), ids(all));
        assertEquals(rewrite, all.get(1).sequence());
        List<ServerDocument> first = storage.changedAfter("users", 0, 2);
        assertEquals(List.of("b", "a"), ids(first));
        assertEquals(List.of("c"), ids(storage.changedAfter("users", first.get(1).sequence(), 2)));
        assertEquals(1, storage.countChangedAfter("users", first.get(1).sequence()));
        assertEquals(3, storage.countChangedAfter("users", 0));
        assertEquals(1, storage.countChangedAfter("orders", 0));
        assertEquals(0, storage.countChangedAfter("nothing", 0));
    }

    @Test
    void purgeForgetsOldTombstonesAndKeysAndRemembersWhere() {
        SyncStorage storage = storage();
        long oldTombstone = write(storage, "users", "gone", true, T0);
        write(storage, "users", "kept", false, T0);
        long recentTombstone = write(storage, "users", "recent", true, T0.plusSeconds(3600));
        DocumentRef ref = DocumentRef.of("users", "kept");
        storage.transact(tx -> {
            tx.recordProcessed(new MutationKey("c1", 1, ref), 1, T0);
            tx.recordProcessed(new MutationKey("c2", 2, ref), 2, T0.plusSeconds(3600));
            return null;
        });
        assertEquals(0, storage.purgedThrough("users"));

        storage.purge(T0.plusSeconds(60), T0.plusSeconds(60));

        assertEquals(oldTombstone, storage.purgedThrough("users"));
        assertEquals(List.of("kept", "recent"), ids(storage.changedAfter("users", 0, 10)));
        assertTrue(storage.changedAfter("users", 0, 10).get(1).deleted());
        assertEquals(recentTombstone, storage.changedAfter("users", 0, 10).get(1).sequence());
        storage.transact(tx -> {
            assertTrue(tx.laneHead("c1", ref).isEmpty());
            assertEquals(Optional.of(new LaneHead(2, 2)), tx.laneHead("c2", ref));
            return null;
        });
    }

    @Test
    void integerAndStringIdsAreDistinctDocuments() {
        SyncStorage storage = storage();
        DocumentRef number = DocumentRef.of("items", 7L);
        DocumentRef text = DocumentRef.of("items", "7");
        storage.transact(tx -> {
            long s = tx.nextSequence();
            tx.write(new ServerDocument(number, s, s, false, JsonNodeFactory.instance.objectNode().put("k", "num"),
                    new MutationKey("c1", s, number), T0));
            long t = tx.nextSequence();
            tx.write(new ServerDocument(text, t, t, false, JsonNodeFactory.instance.objectNode().put("k", "text"),
                    new MutationKey("c1", t, text), T0));
            return null;
        });
        List<ServerDocument> page = storage.changedAfter("items", 0, 10);
        assertEquals(2, page.size());
        assertEquals(number, page.get(0).document());
        assertEquals("num", page.get(0).body().get("k").textValue());
        assertEquals(text, page.get(1).document());
    }
}
