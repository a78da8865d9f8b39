package io.offlinestore.sync.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Change;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentMetadata;
import io.offlinestore.Transaction;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.ConflictResolver;
import io.offlinestore.sync.ConflictStrategy;
import io.offlinestore.sync.Resolution;
import io.offlinestore.sync.SyncException;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.protocol.MutationResult;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles what the server did not take. A conflict caused by the client's own earlier write
 * (its response was lost) is a rebase, not a conflict; identical content on both sides is
 * adopted; anything else goes to the collection's resolver or strategy. Every settlement is one
 * local commit that also records the server's version as the new base, so the next push names
 * the right base; a settlement that would overwrite a document the application changed
 * meanwhile is abandoned and comes back on the next push.
 */
final class ConflictSettler {
    private final SyncSession session;

    /** What settling did: whether it counts as a conflict, and whether the next round can progress. */
    record Settled(boolean counted, boolean progress) {
    }

    ConflictSettler(SyncSession session) {
        this.session = session;
    }

    Settled onConflict(PendingMutation pending, MutationResult result) {
        DocumentRef ref = pending.ref();
        ObjectNode local = pending.mutation().body();
        ObjectNode remote = result.serverDocument();
        if (session.clientId.equals(result.writtenBy())) {
            session.commit(CommitPoint.RESOLUTION, tx -> {
                session.ledger.putState(tx, new DocState(ref, result.version(), remote));
                return true;
            });
            return new Settled(false, true);
        }
        if (Objects.equals(local, remote)) {
            boolean done = session.commit(CommitPoint.RESOLUTION, tx -> {
                session.ledger.putState(tx, new DocState(ref, result.version(), remote));
                return true;
            });
            if (done) {
                session.markSynchronized(pending.covered());
            }
            return new Settled(false, true);
        }
        Conflict conflict = conflict(Conflict.Kind.CONCURRENT_CHANGE, ref, local, remote, result.version(), null);
        apply(conflict, decide(conflict), pending);
        return new Settled(true, true);
    }

    void onRejected(PendingMutation pending, MutationResult result) {
        Conflict conflict = conflict(Conflict.Kind.REJECTED, pending.ref(), pending.mutation().body(),
                result.serverDocument(), result.version(), result.reason());
        session.commit(CommitPoint.CONFLICT_STORED, tx -> {
            session.ledger.park(tx, conflict);
            return true;
        });
    }

    /** Settles a stored conflict as the user decided. */
    void resolveStored(Conflict conflict, Resolution resolution) {
        if (resolution.kind() == Resolution.Kind.MANUAL) {
            return;
        }
        DocumentRef ref = DocumentRef.of(conflict.collection(), conflict.documentId());
        List<Change> changes = session.store.getChanges(conflict.collection()).stream()
                .filter(c -> DocumentRef.of(c.collection(), c.id()).equals(ref)).toList();
        apply(conflict, resolution, new PendingMutation(lastState(ref, changes), changes));
    }

    private Mutation lastState(DocumentRef ref, List<Change> changes) {
        Optional<DocumentMetadata> meta = session.store.collection(ref.collection()).metadata(ref.javaId());
        long sequence = meta.map(DocumentMetadata::sequence)
                .orElse(changes.isEmpty() ? 0 : changes.get(changes.size() - 1).sequence());
        Optional<Document> local = session.store.collection(ref.collection()).get(ref.javaId());
        return new Mutation(new MutationKey(session.clientId, sequence, ref),
                local.isPresent() ? Mutation.Operation.PUT : Mutation.Operation.DELETE,
                local.map(Document::toJsonNode).orElse(null), 0);
    }

    private Conflict conflict(Conflict.Kind kind, DocumentRef ref, ObjectNode local, ObjectNode remote, long version,
                              String reason) {
        Optional<DocState> base;
        try (Transaction tx = session.store.beginTransaction()) {
            base = session.ledger.state(tx, ref);
        }
        return new Conflict(StoredConflicts.id(ref), kind, ref.collection(), ref.javaId(), document(local),
                document(remote), base.map(DocState::base).map(ConflictSettler::document).orElse(null), version, reason,
                session.options.clock().instant());
    }

    private static Document document(ObjectNode body) {
        return body == null ? null : Document.of(body);
    }

    private Resolution decide(Conflict conflict) {
        Optional<ConflictResolver> resolver = session.options.conflictResolver(conflict.collection());
        if (resolver.isPresent()) {
            Resolution resolution = resolver.get().resolve(conflict);
            if (resolution == null) {
                throw new SyncException("the conflict resolver of '" + conflict.collection() + "' returned null for "
                        + conflict.id());
            }
            return resolution;
        }
        ConflictStrategy strategy = session.strategy(conflict.collection());
        boolean preferLocal = session.options.mergeFallback() == ConflictStrategy.CLIENT_WINS;
        return switch (strategy) {
            case CLIENT_WINS -> Resolution.keepLocal();
            case SERVER_WINS -> Resolution.keepRemote();
            case MANUAL -> Resolution.manual();
            case MERGE -> {
                if (conflict.local() == null || conflict.remote() == null) {
                    yield preferLocal ? Resolution.keepLocal() : Resolution.keepRemote();
                }
                ObjectNode merged = ThreeWayMerge.merge(conflict.base() == null ? null : conflict.base().toJsonNode(),
                        conflict.local().toJsonNode(), conflict.remote().toJsonNode(), preferLocal);
                yield Resolution.merged(Document.of(merged));
            }
        };
    }

    /** Applies a resolution; {@code pending} is the local state it was decided on. */
    private void apply(Conflict conflict, Resolution resolution, PendingMutation pending) {
        DocumentRef ref = pending.ref();
        ObjectNode remote = conflict.remote() == null ? null : conflict.remote().toJsonNode();
        DocState serverState = new DocState(ref, conflict.remoteVersion(), remote);
        Resolution effective = simplify(resolution, conflict);
        switch (effective.kind()) {
            case MANUAL -> session.commit(CommitPoint.CONFLICT_STORED, tx -> {
                session.ledger.park(tx, conflict);
                return true;
            });
            case KEEP_LOCAL -> session.commit(CommitPoint.RESOLUTION, tx -> {
                session.ledger.putState(tx, serverState);
                session.ledger.unpark(tx, conflict.id());
                return true;
            });
            case KEEP_REMOTE -> overwrite(conflict, pending, serverState, remote, true);
            case MERGED -> {
                ObjectNode merged = effective.document().toJsonNode();
                if (!Objects.equals(DocumentRef.of(ref.collection(), effective.document().id()), ref)) {
                    throw new SyncException("the resolution of " + conflict.id() + " changes the document id to "
                            + effective.document().id());
                }
                if (session.hooks.planted(PlantedBug.PUSH_BEFORE_COMMIT)) {
                    session.transport.push(PushRequest.of(session.clientId, List.of(new PushBatch(List.of(
                            new Mutation(pending.mutation().key(), Mutation.Operation.PUT, merged,
                                    conflict.remoteVersion()))))));
                }
                overwrite(conflict, pending, serverState, merged, false);
            }
        }
    }

    /**
     * Replaces the local document with {@code body} (null deletes it) and records the server's
     * state as the base, unless the application changed the document meanwhile. An internal
     * write (the server's own document) is never pushed back; any other (a merge) is pushed next.
     */
    private void overwrite(Conflict conflict, PendingMutation pending, DocState serverState, ObjectNode body,
                           boolean internal) {
        boolean done = session.commit(CommitPoint.RESOLUTION, tx -> {
            if (!unchanged(tx, pending)) {
                return false;
            }
            write(tx, pending.ref(), body);
            session.ledger.putState(tx, serverState);
            session.ledger.unpark(tx, conflict.id());
            if (internal) {
                session.ledger.markInternal(tx);
            }
            return true;
        });
        if (done) {
            session.markSynchronized(pending.covered());
        }
    }

    /** A merge equal to one side is that side (no new local write, no extra server version). */
    private static Resolution simplify(Resolution resolution, Conflict conflict) {
        if (resolution.kind() != Resolution.Kind.MERGED) {
            return resolution;
        }
        if (resolution.document().equals(conflict.remote())) {
            return Resolution.keepRemote();
        }
        if (resolution.document().equals(conflict.local())) {
            return Resolution.keepLocal();
        }
        return resolution;
    }

    /** Whether the local document is still the state the resolution was decided on. */
    private static boolean unchanged(Transaction tx, PendingMutation pending) {
        DocumentRef ref = pending.ref();
        DocumentCollection collection = tx.collection(ref.collection());
        Optional<Document> local = collection.get(ref.javaId());
        if (pending.mutation().operation() == Mutation.Operation.DELETE) {
            return local.isEmpty();
        }
        return local.isPresent()
                && collection.metadata(ref.javaId()).orElseThrow().sequence() == pending.mutation().key().sequence();
    }

    private static void write(Transaction tx, DocumentRef ref, ObjectNode body) {
        DocumentCollection collection = tx.collection(ref.collection());
        if (body == null) {
            collection.delete(ref.javaId());
        } else {
            collection.put(Document.of(body));
        }
    }
}
