package io.offlinestore.sync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.ManualClock;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.protocol.MutationResult.Outcome;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.Scope;
import io.offlinestore.sync.protocol.SyncProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncServerTest {
    private final InMemorySyncStorage storage = new InMemorySyncStorage();
    private final SyncServer server = SyncServer.builder(storage).validator(m ->
            m.body() != null && m.body().has("poison") ? Optional.of("poisoned") : Optional.empty()).build();

    private static ObjectNode doc(String id, int n) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("n", n);
    }

    private static Mutation put(String client, long seq, String id, int n, long base) {
        return new Mutation(new MutationKey(client, seq, DocumentRef.of("c", id)), Mutation.Operation.PUT,
                doc(id, n), base);
    }

    private static Mutation delete(String client, long seq, String id, long base) {
        return new Mutation(new MutationKey(client, seq, DocumentRef.of("c", id)), Mutation.Operation.DELETE,
                null, base);
    }

    private List<Outcome> push(String client, Mutation... batch) {
        return server.push(PushRequest.of(client, List.of(new PushBatch(List.of(batch))))).results().stream()
                .map(r -> r.outcome()).toList();
    }

    private PullResponse pull(String checkpoint, int limit) {
        return server.pull(PullRequest.of("reader", Scope.all("c"), checkpoint, limit));
    }

    @Test
    void replayedKeyIsAnsweredWithTheStoredOutcomeAndNotAppliedAgain() {
        assertEquals(List.of(Outcome.APPLIED), push("a", put("a", 1, "x", 1, 0)));
        var replay = server.push(PushRequest.of("a", List.of(new PushBatch(List.of(put("a", 1, "x", 1, 0))))));
        assertEquals(Outcome.DUPLICATE, replay.results().get(0).outcome());
        assertEquals(1, replay.results().get(0).version());
        assertEquals(1, pull(null, 10).documents().get(0).version());
    }

    @Test
    void staleBaseVersionConflictsWithTheServerDocumentAndItsWriter() {
        push("a", put("a", 1, "x", 1, 0));
        var result = server.push(PushRequest.of("b", List.of(new PushBatch(List.of(put("b", 1, "x", 2, 0))))))
                .results().get(0);
        assertEquals(Outcome.CONFLICT, result.outcome());
        assertEquals(1, result.version());
        assertEquals(1, result.serverDocument().get("n").asInt());
        assertEquals("a", result.writtenBy());
    }

    @Test
    void batchIsAllOrNothingAndItsInnocentMutationsAreToldToRetry() {
        assertEquals(List.of(Outcome.RETRY, Outcome.REJECTED),
                push("a", put("a", 1, "x", 1, 0),
                        new Mutation(new MutationKey("a", 1, DocumentRef.of("c", "y")), Mutation.Operation.PUT,
                                doc("y", 1).put("poison", true), 0)));
        assertTrue(pull(null, 10).documents().isEmpty());
        assertEquals(List.of(Outcome.APPLIED), push("a", put("a", 1, "x", 1, 0)));
    }

    @Test
    void pullPagesThroughLatestStatesInCommitOrderWithTombstones() {
        push("a", put("a", 1, "x", 1, 0));
        push("a", put("a", 2, "y", 1, 0));
        push("a", put("a", 3, "x", 2, 1));
        push("a", delete("a", 4, "y", 2));
        PullResponse first = pull(null, 1);
        assertTrue(first.hasMore());
        assertEquals(1, first.remaining());
        assertEquals("\"x\"", first.documents().get(0).document().id().toString());
        assertEquals(3, first.documents().get(0).version(), "a version is the commit sequence of its write");
        PullResponse second = pull(first.checkpoint(), 10);
        assertFalse(second.hasMore());
        assertTrue(second.documents().get(0).deleted());
        assertNull(second.documents().get(0).body());
        assertTrue(pull(second.checkpoint(), 10).documents().isEmpty());
    }

    @Test
    void checkpointOlderThanAPurgedTombstoneAnswersReset() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        SyncServer timed = SyncServer.builder(storage).clock(clock).tombstoneRetention(Duration.ofDays(1)).build();
        timed.push(PushRequest.of("a", List.of(new PushBatch(List.of(put("a", 1, "x", 1, 0))))));
        String checkpoint = timed.pull(PullRequest.of("r", Scope.all("c"), null, 10)).checkpoint();
        timed.push(PushRequest.of("a", List.of(new PushBatch(List.of(put("a", 2, "y", 1, 0))))));
        timed.push(PushRequest.of("a", List.of(new PushBatch(List.of(delete("a", 3, "y", 2))))));
        clock.advance(Duration.ofDays(2));
        timed.purge();
        assertEquals(PullResponse.Status.RESET, timed.pull(PullRequest.of("r", Scope.all("c"), checkpoint, 10)).status());
        assertEquals(PullResponse.Status.OK, timed.pull(PullRequest.of("r", Scope.all("c"), null, 10)).status());
    }

    /**
     * Simulator seed 85 at 800 operations: a client whose full pull started after a purge was
     * answered RESET on its second page (its first page's checkpoint was below the purged
     * tombstone), again on every restart, and never converged.
     */
    @Test
    void aFullPullStartedAfterAPurgePagesThroughWithoutResetUnlessAnotherTombstoneIsPurged() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        SyncServer timed = SyncServer.builder(storage).clock(clock).tombstoneRetention(Duration.ofHours(2)).build();
        for (String id : List.of("a", "b", "c", "t")) {
            timed.push(PushRequest.of("w", List.of(new PushBatch(List.of(put("w", 1, id, 1, 0))))));
        }
        timed.push(PushRequest.of("w", List.of(new PushBatch(List.of(delete("w", 2, "t", 4))))));
        clock.advance(Duration.ofHours(3));
        timed.purge();

        PullResponse first = timed.pull(PullRequest.of("r", Scope.all("c"), null, 1));
        PullResponse second = timed.pull(PullRequest.of("r", Scope.all("c"), first.checkpoint(), 1));
        PullResponse third = timed.pull(PullRequest.of("r", Scope.all("c"), second.checkpoint(), 1));

        assertEquals(PullResponse.Status.OK, second.status());
        assertEquals(List.of("a", "b", "c"), List.of(first, second, third).stream()
                .map(page -> page.documents().get(0).document().id().asText()).toList());
        assertFalse(third.hasMore());
        timed.push(PushRequest.of("w", List.of(new PushBatch(List.of(put("w", 3, "u", 1, 0))))));
        timed.push(PushRequest.of("w", List.of(new PushBatch(List.of(delete("w", 4, "u", 6))))));
        PullResponse fourth = timed.pull(PullRequest.of("r", Scope.all("c"), third.checkpoint(), 1));
        assertTrue(fourth.documents().get(0).deleted());
        clock.advance(Duration.ofHours(3));
        timed.purge();
        assertEquals(PullResponse.Status.RESET,
                timed.pull(PullRequest.of("r", Scope.all("c"), second.checkpoint(), 1)).status(),
                "a tombstone after the checkpoint was purged since it was issued");
        assertEquals(PullResponse.Status.OK, timed.pull(PullRequest.of("r", Scope.all("c"), fourth.checkpoint(), 1))
                .status(), "the checkpoint is past the tombstone");
        assertEquals(PullResponse.Status.RESET, timed.pull(PullRequest.of("r", Scope.all("c"), "v1.2", 1)).status(),
                "a checkpoint of the first form counts as issued before every purge");
    }

    /**
     * Simulator seed 85: a copy of an old push, delayed in the network, reaches the server after the
     * document's tombstone was purged. Its base version 0 matches the absent document again, but
     * the same client's later write to the document was already applied: the old one must not be.
     */
    @Test
    void aDelayedCopyOfAnOlderWriteIsNotAppliedAfterTheClientsLaterWriteEvenOnceTheTombstoneIsPurged() {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        SyncServer timed = SyncServer.builder(storage).clock(clock).tombstoneRetention(Duration.ofHours(2)).build();
        PushRequest early = PushRequest.of("c4", List.of(new PushBatch(List.of(put("c4", 8, "d1", 10, 0)))));
        timed.push(PushRequest.of("c3", List.of(new PushBatch(List.of(put("c3", 11, "d1", 13, 0))))));
        assertEquals(Outcome.CONFLICT, timed.push(early).results().get(0).outcome());
        assertEquals(Outcome.APPLIED, timed.push(PushRequest.of("c4", List.of(new PushBatch(List.of(
                put("c4", 144, "d1", 44, 1)))))).results().get(0).outcome());
        timed.push(PushRequest.of("c0", List.of(new PushBatch(List.of(delete("c0", 186, "d1", 2))))));
        clock.advance(Duration.ofHours(3));
        timed.purge();

        var late = timed.push(early).results().get(0);

        assertEquals(Outcome.CONFLICT, late.outcome());
        assertEquals(0, late.version());
        assertNull(late.serverDocument());
        assertTrue(timed.pull(PullRequest.of("r", Scope.all("c"), null, 10)).documents().isEmpty(),
                "the superseded write was applied");
        assertEquals(Outcome.APPLIED, timed.push(PushRequest.of("c4", List.of(new PushBatch(List.of(
                put("c4", 200, "d1", 45, 0)))))).results().get(0).outcome(), "a later write of the client is applied");
    }

    @Test
    void scopedPullSendsMatchingDocumentsAndMarksOthersOutOfScope() {
        push("a", put("a", 1, "x", 1, 0));
        push("a", put("a", 2, "y", 5, 0));
        ObjectNode filter = JsonNodeFactory.instance.objectNode();
        filter.putObject("n").put("$gte", 3);
        var page = server.pull(PullRequest.of("r", new Scope("c", filter), null, 10));
        assertFalse(page.documents().get(0).inScope());
        assertNull(page.documents().get(0).body());
        assertTrue(page.documents().get(1).inScope());
    }

    @Test
    void badRequestsAreRefusedWithWhatIsWrong() {
        ObjectNode regex = JsonNodeFactory.instance.objectNode();
        regex.putObject("n").put("$regex", "a.*");
        var e = assertThrows(SyncProtocolException.class,
                () -> server.pull(PullRequest.of("r", new Scope("c", regex), null, 10)));
        assertTrue(e.getMessage().contains("n.$regex"), e.getMessage());
        assertThrows(SyncProtocolException.class, () -> pull("bogus", 10));
        assertThrows(SyncProtocolException.class, () -> server.push(new PushRequest(2, "a", List.of())));
        assertThrows(SyncProtocolException.class, () -> push("a", put("a", 1, "x", 1, 0), put("a", 2, "x", 2, 0)));
        assertThrows(SyncProtocolException.class, () -> push("b", put("a", 1, "x", 1, 0)));
    }
}
