package io.offlinestore.sync.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.protocol.DocumentRef;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The engine's own state, kept in the store beside the data so that it commits in the same
 * transactions: {@code _sync_meta} (client id, checkpoints, resyncs in progress), {@code _sync_state}
 * (per-document server version and base), {@code _sync_conflicts} (stored conflicts),
 * {@code _sync_txns} (ids of the engine's own transactions, whose change-log entries are never
 * pushed) and {@code _sync_seen} (documents a resync has received).
 */
final class SyncLedger {
    static final String PREFIX = "_sync_";
    static final String META = "_sync_meta";
    static final String STATE = "_sync_state";
    static final String CONFLICTS = "_sync_conflicts";
    static final String TXNS = "_sync_txns";
    static final String SEEN = "_sync_seen";

    private final OfflineStore store;

    SyncLedger(OfflineStore store) {
        this.store = store;
    }

    static boolean isLedger(String collection) {
        return collection.startsWith(PREFIX);
    }

    /** The client id, created and committed on first use. */
    String clientId(EngineHooks hooks) {
        Optional<Document> meta = store.collection(META).get("client");
        if (meta.isPresent()) {
            return meta.get().getString("clientId");
        }
        String id = UUID.randomUUID().toString();
        hooks.beforeCommit(CommitPoint.CLIENT_ID);
        store.collection(META).put(Document.of(Map.of("id", "client", "clientId", id)));
        hooks.afterCommit(CommitPoint.CLIENT_ID);
        return id;
    }

    Optional<DocState> state(Transaction tx, DocumentRef ref) {
        return tx.collection(STATE).get(ref.toString()).map(DocState::of);
    }

    void putState(Transaction tx, DocState state) {
        tx.collection(STATE).put(state.toDocument());
    }

    void removeState(Transaction tx, DocumentRef ref) {
        tx.collection(STATE).delete(ref.toString());
    }

    /** Whether the client knows the server state of any document of the collection. */
    boolean knowsAny(String collection) {
        return !store.collection(STATE).query(Query.filter(Filters.where("collection").eq(collection)).limit(1))
                .isEmpty();
    }

    Optional<String> checkpoint(String scope) {
        return store.collection(META).get("checkpoint:" + scope).map(d -> d.getString("checkpoint"));
    }

    void checkpoint(Transaction tx, String scope, String checkpoint) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("id", "checkpoint:" + scope);
        tree.put("checkpoint", checkpoint);
        tx.collection(META).put(Document.of(tree));
    }

    /** The resync in progress for a scope (after a RESET or on a first pull), if any. */
    Optional<String> resync(String scope) {
        return store.collection(META).get("resync:" + scope).map(d -> d.getString("epoch"));
    }

    void startResync(Transaction tx, String scope, String epoch) {
        tx.collection(META).put(Document.of(Map.of("id", "resync:" + scope, "epoch", epoch)));
    }

    /** Notes that a resync received the document. */
    void seen(Transaction tx, String epoch, DocumentRef ref) {
        tx.collection(SEEN).put(Document.of(Map.of("id", epoch + " " + ref, "epoch", epoch)));
    }

    boolean wasSeen(Transaction tx, String epoch, DocumentRef ref) {
        return tx.collection(SEEN).get(epoch + " " + ref).isPresent();
    }

    void finishResync(Transaction tx, String scope, String epoch) {
        var seen = tx.collection(SEEN);
        seen.query(Query.filter(Filters.where("epoch").eq(epoch))).forEach(doc -> seen.delete(doc.id()));
        tx.collection(META).delete("resync:" + scope);
    }

    /** Records the transaction as the engine's own: its changes are never pushed. */
    void markInternal(Transaction tx) {
        tx.collection(TXNS).put(Document.of(JsonNodeFactory.instance.objectNode().put("id", tx.id())));
    }

    Set<String> internalTransactions() {
        Set<String> ids = new HashSet<>();
        store.collection(TXNS).query(Query.all()).forEach(doc -> ids.add(doc.getString("id")));
        return ids;
    }

    void forgetInternal(Set<String> transactionIds) {
        if (!transactionIds.isEmpty()) {
            store.collection(TXNS).deleteBatch(List.copyOf(transactionIds));
        }
    }

    List<Conflict> conflicts() {
        return store.collection(CONFLICTS).query(Query.all()).stream().map(StoredConflicts::read)
                .sorted(Comparator.comparing(Conflict::detectedAt).thenComparing(Conflict::id)).toList();
    }

    Optional<Conflict> conflict(Transaction tx, String id) {
        return tx.collection(CONFLICTS).get(id).map(StoredConflicts::read);
    }

    Set<DocumentRef> parked() {
        Set<DocumentRef> refs = new HashSet<>();
        store.collection(CONFLICTS).query(Query.all()).forEach(doc -> refs.add(StoredConflicts.ref(doc)));
        return refs;
    }

    void park(Transaction tx, Conflict conflict) {
        tx.collection(CONFLICTS).put(StoredConflicts.write(conflict));
    }

    void unpark(Transaction tx, String conflictId) {
        tx.collection(CONFLICTS).delete(conflictId);
    }
}
