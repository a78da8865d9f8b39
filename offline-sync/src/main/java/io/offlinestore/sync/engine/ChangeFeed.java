package io.offlinestore.sync.engine;

import io.offlinestore.Change;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.protocol.DocumentRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the store's unsynchronized changes as the sync outbox: in pages that never split a
 * commit, and split into the user's changes to synced collections (to push) and the engine's
 * own (ledger writes and transactions recorded as internal: never pushed, so pulls are not
 * echoed back).
 */
final class ChangeFeed {
    private final OfflineStore store;
    private final Set<String> synced;

    ChangeFeed(OfflineStore store, Set<String> synced) {
        this.store = store;
        this.synced = synced;
    }

    /**
     * Up to about {@code limit} unsynchronized changes after the sequence, whole commits only (a
     * commit larger than the limit comes whole, alone).
     */
    List<Change> page(long afterSequence, int limit) {
        List<Change> page = store.getChanges(afterSequence, limit);
        if (page.size() < limit) {
            return page;
        }
        long last = page.get(page.size() - 1).sequence();
        List<Change> whole = page.stream().filter(c -> c.sequence() != last).toList();
        if (!whole.isEmpty()) {
            return whole;
        }
        return store.getChanges().stream().filter(c -> c.sequence() == last).toList();
    }

    boolean isSynced(String collection) {
        return synced.contains(collection);
    }

    /** Whether the change is the engine's own, given the ids of its transactions (read after the change). */
    static boolean isInternal(Change change, Set<String> internalTransactions) {
        return SyncLedger.isLedger(change.collection()) || internalTransactions.contains(change.transactionId());
    }

    /**
     * The documents of the given collections with local changes not yet pushed. Reads the change
     * log first and the internal transaction ids after, so a transaction committed in between
     * is never taken for a user's change.
     */
    Set<DocumentRef> pending(Set<String> collections, SyncLedger ledger) {
        List<Change> changes = new ArrayList<>();
        for (String collection : collections) {
            changes.addAll(store.getChanges(collection));
        }
        Set<String> internal = ledger.internalTransactions();
        Set<DocumentRef> refs = new HashSet<>();
        for (Change change : changes) {
            if (!isInternal(change, internal)) {
                refs.add(DocumentRef.of(change.collection(), change.id()));
            }
        }
        return refs;
    }
}
