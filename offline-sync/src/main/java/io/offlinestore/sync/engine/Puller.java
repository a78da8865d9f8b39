package io.offlinestore.sync.engine;

import io.offlinestore.Change;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentMetadata;
import io.offlinestore.Transaction;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.SyncProgress;
import io.offlinestore.sync.SyncProgressListener;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PulledDocument;
import io.offlinestore.sync.protocol.Scope;
import io.offlinestore.sync.protocol.SyncProtocol;
import io.offlinestore.sync.protocol.SyncProtocolException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Pulls a scope page by page. Each page is committed in one local transaction with its
 * checkpoint and the transaction's id (so its change-log entries are never pushed back). A
 * pulled document never overwrites a local one with unpushed changes or a stored conflict: that
 * document is left for the push, whose base version the server will find stale, so the
 * conflict goes through resolution. Versions never go backwards: a page older than what the
 * client knows is skipped document by document. RESET restarts the scope from the beginning and,
 * once the full pull is done, drops the local documents it did not return (their deletions
 * were purged from the server) unless they hold local work. A first pull is such a resync too
 * when push answers already gave the client server documents of the collection.
 */
final class Puller {
    private static final int MAX_RESETS = 2;

    private final SyncSession session;

    Puller(SyncSession session) {
        this.session = session;
    }

    /** Pulls until the server has nothing more; returns how many documents were applied. */
    int pull(Scope scope, List<SyncProgressListener> listeners) {
        String checkpoint = session.ledger.checkpoint(scope.name()).orElse(null);
        String resync = session.ledger.resync(scope.name()).orElse(null);
        if (checkpoint == null && resync == null && session.ledger.knowsAny(scope.collection())) {
            // push answers already gave it server documents: one deleted and purged before now never arrives
            resync = startResync(scope);
        }
        int resets = 0;
        int pulled = 0;
        while (true) {
            PullResponse page = session.transport.pull(PullRequest.of(session.clientId, scope, checkpoint,
                    session.options.pageSize()));
            SyncProtocol.requireVersion(page.protocolVersion(), "pull response");
            if (page.status() == PullResponse.Status.RESET) {
                if (++resets > MAX_RESETS) {
                    throw new SyncProtocolException("the server answered RESET " + resets + " times for scope "
                            + scope.name());
                }
                checkpoint = null;
                resync = startResync(scope);
                continue;
            }
            if (session.hooks.planted(PlantedBug.CHECKPOINT_BEFORE_COMMIT)) {
                session.commit(CommitPoint.CHECKPOINT, tx -> {
                    session.ledger.checkpoint(tx, scope.name(), page.checkpoint());
                    return true;
                });
            }
            int[] applied = {0};
            String[] transaction = {null};
            String epoch = resync;
            session.commit(CommitPoint.PULL_PAGE, tx -> {
                applied[0] = apply(tx, page.documents(), epoch);
                if (!session.hooks.planted(PlantedBug.CHECKPOINT_BEFORE_COMMIT)) {
                    session.ledger.checkpoint(tx, scope.name(), page.checkpoint());
                }
                session.ledger.markInternal(tx);
                transaction[0] = tx.id();
                return true;
            });
            settlePage(scope, transaction[0]);
            pulled += applied[0];
            checkpoint = page.checkpoint();
            SyncProgress progress = new SyncProgress(scope.name(), pulled, page.remaining());
            listeners.forEach(listener -> listener.onProgress(progress));
            if (!page.hasMore()) {
                if (resync != null) {
                    sweep(scope, resync);
                }
                return pulled;
            }
        }
    }

    /** Restarts the scope from the beginning under a new resync epoch, and returns the epoch. */
    private String startResync(Scope scope) {
        String epoch = UUID.randomUUID().toString();
        session.commit(CommitPoint.CHECKPOINT, tx -> {
            session.ledger.checkpoint(tx, scope.name(), null);
            session.ledger.startResync(tx, scope.name(), epoch);
            return true;
        });
        return epoch;
    }

    /**
     * Marks a committed page's own change records synchronized and forgets its transaction id, so
     * they do not pile up in the change log during a long pull (the next push would otherwise
     * do it). Finds the page's commit from the checkpoint it wrote; if the commit cannot be read
     * whole, leaves the rest to the push.
     */
    private void settlePage(Scope scope, String transactionId) {
        Optional<DocumentMetadata> checkpoint = session.store.collection(SyncLedger.META)
                .metadata("checkpoint:" + scope.name());
        if (checkpoint.isEmpty()) {
            return;
        }
        long sequence = checkpoint.get().sequence();
        int limit = 4 * session.options.pageSize() + 16;
        List<Change> changes = session.store.getChanges(sequence - 1, limit);
        List<Change> page = changes.stream()
                .filter(c -> c.sequence() == sequence && c.transactionId().equals(transactionId)).toList();
        if (page.isEmpty()) {
            return;
        }
        session.markSynchronized(page);
        if (changes.size() < limit) {
            session.ledger.forgetInternal(Set.of(transactionId));
        }
    }

    /**
     * Ends a resync: drops the scope's local documents the full pull did not return (deleted on
     * the server while their tombstones were purged), unless they hold local work.
     */
    private void sweep(Scope scope, String epoch) {
        String collection = scope.collection();
        Query query = scope.filter() == null ? Query.all() : Query.filter(Filters.parse(scope.filter().toString()));
        session.commit(CommitPoint.PULL_PAGE, tx -> {
            List<Document> local = tx.collection(collection).query(query);
            Set<DocumentRef> pending = session.feed.pending(Set.of(collection), session.ledger);
            Set<DocumentRef> parked = session.ledger.parked();
            for (Document doc : local) {
                DocumentRef ref = DocumentRef.of(collection, doc.id());
                if (!session.ledger.wasSeen(tx, epoch, ref) && !pending.contains(ref) && !parked.contains(ref)) {
                    tx.collection(collection).delete(doc.id());
                    session.ledger.removeState(tx, ref);
                }
            }
            session.ledger.finishResync(tx, scope.name(), epoch);
            session.ledger.markInternal(tx);
            return true;
        });
    }

    /**
     * Keeps a stored conflict's server side current: the pull moves past the document, so the
     * conflict must carry what it brought, or resolving it later would apply a stale server version.
     */
    private void refreshConflict(Transaction tx, DocumentRef ref, PulledDocument pulled) {
        session.ledger.conflict(tx, StoredConflicts.id(ref))
                .filter(conflict -> conflict.remoteVersion() < pulled.version())
                .ifPresent(conflict -> session.ledger.park(tx, new Conflict(conflict.id(), conflict.kind(),
                        conflict.collection(), conflict.documentId(), conflict.local(),
                        pulled.deleted() ? null : Document.of(pulled.body()), conflict.base(), pulled.version(),
                        conflict.reason(), conflict.detectedAt())));
    }

    private int apply(Transaction tx, List<PulledDocument> documents, String resync) {
        Map<DocumentRef, Optional<Document>> locals = new HashMap<>();
        Map<DocumentRef, Optional<DocState>> states = new HashMap<>();
        for (PulledDocument pulled : documents) {
            DocumentRef ref = pulled.document();
            locals.put(ref, tx.collection(ref.collection()).get(ref.javaId()));
            states.put(ref, session.ledger.state(tx, ref));
        }
        // read after the documents: a local write committed later fails this transaction instead
        Set<String> collections = documents.stream().map(d -> d.document().collection()).collect(Collectors.toSet());
        Set<DocumentRef> pending = session.feed.pending(collections, session.ledger);
        Set<DocumentRef> parked = session.ledger.parked();
        int applied = 0;
        for (PulledDocument pulled : documents) {
            DocumentRef ref = pulled.document();
            if (resync != null && pulled.inScope() && !pulled.deleted()) {
                session.ledger.seen(tx, resync, ref);
            }
            Optional<DocState> known = states.get(ref);
            if (known.isPresent() && known.get().version() >= pulled.version()) {
                continue;
            }
            Optional<Document> local = locals.get(ref);
            DocumentCollection collection = tx.collection(ref.collection());
            if (parked.contains(ref) && pulled.inScope()) {
                refreshConflict(tx, ref, pulled);
            }
            if (pending.contains(ref) || parked.contains(ref)) {
                if (pulled.inScope() && Objects.equals(local.map(Document::toJsonNode).orElse(null), pulled.body())) {
                    session.ledger.putState(tx, new DocState(ref, pulled.version(), pulled.body()));
                }
                continue;
            }
            if (!pulled.inScope()) {
                if (local.isPresent()) {
                    collection.delete(ref.javaId());
                    applied++;
                }
                session.ledger.removeState(tx, ref);
                continue;
            }
            if (pulled.deleted()) {
                if (local.isPresent()) {
                    collection.delete(ref.javaId());
                }
                session.ledger.putState(tx, new DocState(ref, pulled.version(), null));
            } else {
                collection.put(Document.of(pulled.body()));
                session.ledger.putState(tx, new DocState(ref, pulled.version(), pulled.body()));
            }
            applied++;
        }
        return applied;
    }
}
