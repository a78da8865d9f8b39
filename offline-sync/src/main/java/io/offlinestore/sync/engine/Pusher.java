package io.offlinestore.sync.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Change;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.Transaction;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.protocol.MutationResult;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import io.offlinestore.sync.protocol.SyncProtocol;
import io.offlinestore.sync.protocol.SyncProtocolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One push round: reads whole local commits from the change feed until a batch is full,
 * skipping documents parked on a stored conflict; reads each document's current state and its
 * server base; pushes them as one atomic batch keyed by the commit that produced each state;
 * records acknowledged versions, then marks the covered changes synchronized; hands conflicts
 * and rejections to the {@link ConflictSettler}.
 */
final class Pusher {
    private final SyncSession session;
    private final ConflictSettler settler;

    /** What a round did. */
    record Round(int pushed, int conflicts, boolean progress) {
    }

    Pusher(SyncSession session, ConflictSettler settler) {
        this.session = session;
        this.settler = settler;
    }

    Round round(Predicate<String> collections) {
        Map<DocumentRef, List<Change>> byRef = new LinkedHashMap<>();
        List<Change> settled = new ArrayList<>();
        Set<String> internalSeen = new HashSet<>();
        gather(collections, byRef, settled, internalSeen);

        List<PendingMutation> pending = new ArrayList<>();
        try (Transaction tx = session.store.beginTransaction()) {
            for (Map.Entry<DocumentRef, List<Change>> entry : byRef.entrySet()) {
                mutation(tx, entry.getKey(), entry.getValue()).ifPresentOrElse(pending::add,
                        () -> settled.addAll(entry.getValue()));
            }
        }
        session.markSynchronized(settled);
        session.ledger.forgetInternal(internalSeen);
        if (pending.isEmpty()) {
            return new Round(0, 0, !settled.isEmpty());
        }
        PushResponse response = session.transport.push(PushRequest.of(session.clientId,
                List.of(new PushBatch(pending.stream().map(PendingMutation::mutation).toList()))));
        SyncProtocol.requireVersion(response.protocolVersion(), "push response");
        if (response.results().size() != pending.size()) {
            throw new SyncProtocolException("push of " + pending.size() + " mutations was answered with "
                    + response.results().size() + " results");
        }
        return settle(pending, response.results());
    }

    private void gather(Predicate<String> collections, Map<DocumentRef, List<Change>> byRef, List<Change> internal,
                        Set<String> internalSeen) {
        Set<DocumentRef> parked = session.ledger.parked();
        int limit = Math.max(256, session.options.batchSize() * 4);
        long after = 0;
        while (byRef.size() < session.options.batchSize()) {
            List<Change> page = session.feed.page(after, limit);
            if (page.isEmpty()) {
                return;
            }
            Set<String> internalIds = session.ledger.internalTransactions();
            for (int i = 0; i < page.size() && byRef.size() < session.options.batchSize(); ) {
                long sequence = page.get(i).sequence();
                for (; i < page.size() && page.get(i).sequence() == sequence; i++) {
                    Change change = page.get(i);
                    if (ChangeFeed.isInternal(change, internalIds)) {
                        internal.add(change);
                        if (internalIds.contains(change.transactionId())) {
                            internalSeen.add(change.transactionId());
                        }
                    } else if (session.feed.isSynced(change.collection()) && collections.test(change.collection())) {
                        DocumentRef ref = DocumentRef.of(change.collection(), change.id());
                        if (!parked.contains(ref)) {
                            byRef.computeIfAbsent(ref, r -> new ArrayList<>()).add(change);
                        }
                    }
                }
            }
            after = page.get(page.size() - 1).sequence();
        }
    }

    /** The mutation pushing the document's current state, or empty if the server already has it. */
    private Optional<PendingMutation> mutation(Transaction tx, DocumentRef ref, List<Change> changes) {
        DocumentCollection collection = tx.collection(ref.collection());
        Optional<Document> local = collection.get(ref.javaId());
        Optional<DocState> state = session.ledger.state(tx, ref);
        long base = state.map(DocState::version).orElse(0L);
        if (local.isPresent()) {
            ObjectNode body = local.get().toJsonNode();
            if (state.isPresent() && body.equals(state.get().base())) {
                return Optional.empty();
            }
            long sequence = collection.metadata(ref.javaId()).orElseThrow().sequence();
            return Optional.of(new PendingMutation(new Mutation(new MutationKey(session.clientId, sequence, ref),
                    Mutation.Operation.PUT, body, base), changes));
        }
        if (state.isPresent() && state.get().deleted()) {
            return Optional.empty();
        }
        // the deletion read may come from a later commit than the changes gathered: key it by the latest one
        long sequence = session.store.getChanges(ref.collection()).stream()
                .filter(c -> DocumentRef.of(c.collection(), c.id()).equals(ref))
                .mapToLong(Change::sequence).max().orElse(changes.get(changes.size() - 1).sequence());
        return Optional.of(new PendingMutation(new Mutation(new MutationKey(session.clientId, sequence, ref),
                Mutation.Operation.DELETE, null, base), changes));
    }

    private Round settle(List<PendingMutation> pending, List<MutationResult> results) {
        List<PendingMutation> acked = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        int conflicts = 0;
        boolean progress = false;
        for (int i = 0; i < pending.size(); i++) {
            PendingMutation p = pending.get(i);
            MutationResult result = results.get(i);
            if (!result.key().equals(p.mutation().key())) {
                throw new SyncProtocolException("push result " + i + " is for " + result.key() + ", expected "
                        + p.mutation().key());
            }
            switch (result.outcome()) {
                case APPLIED, DUPLICATE -> {
                    acked.add(p);
                    versions.add(result.version());
                }
                case CONFLICT -> {
                    ConflictSettler.Settled settled = settler.onConflict(p, result);
                    conflicts += settled.counted() ? 1 : 0;
                    progress |= settled.progress();
                }
                case REJECTED -> {
                    settler.onRejected(p, result);
                    conflicts++;
                    progress = true;
                }
                case RETRY -> {
                    // pushed again next round, unchanged
                }
            }
        }
        if (!acked.isEmpty()) {
            session.commit(CommitPoint.PUSH_ACK, tx -> {
                for (int i = 0; i < acked.size(); i++) {
                    Mutation mutation = acked.get(i).mutation();
                    long version = versions.get(i);
                    Optional<DocState> known = session.ledger.state(tx, mutation.document());
                    if (known.isEmpty() || known.get().version() < version) {
                        session.ledger.putState(tx, new DocState(mutation.document(), version, mutation.body()));
                    }
                }
                return true;
            });
            session.markSynchronized(acked.stream().flatMap(p -> p.covered().stream()).toList());
            progress = true;
        }
        return new Round(acked.size(), conflicts, progress);
    }
}
