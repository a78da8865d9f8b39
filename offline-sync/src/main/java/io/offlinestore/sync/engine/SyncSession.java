package io.offlinestore.sync.engine;

import io.offlinestore.Change;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.TransactionConflictException;
import io.offlinestore.sync.ConflictStrategy;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncTransport;
import java.util.Collection;
import java.util.function.Predicate;

/**
 * What the push and pull loops share: the store and its ledger, the transport, the client id,
 * and the one way the engine commits (hooks around it, retried on a write-write race with the
 * application).
 */
final class SyncSession {
    private static final int COMMIT_ATTEMPTS = 5;

    final OfflineStore store;
    final SyncOptions options;
    final SyncLedger ledger;
    final ChangeFeed feed;
    final SyncTransport transport;
    final String clientId;
    final EngineHooks hooks;
    private volatile ConflictStrategy strategyOverride;

    SyncSession(OfflineStore store, SyncOptions options, SyncLedger ledger, ChangeFeed feed, SyncTransport transport,
                String clientId, EngineHooks hooks) {
        this.store = store;
        this.options = options;
        this.ledger = ledger;
        this.feed = feed;
        this.transport = transport;
        this.clientId = clientId;
        this.hooks = hooks;
    }

    /** Replaces every collection's configured strategy from now on. */
    void overrideStrategy(ConflictStrategy strategy) {
        this.strategyOverride = strategy;
    }

    /** The strategy of a collection: the override if one was set, else the configured one. */
    ConflictStrategy strategy(String collection) {
        ConflictStrategy override = strategyOverride;
        return override != null ? override : options.conflictStrategy(collection);
    }

    /**
     * Runs {@code work} in a transaction and commits it, unless it returns false (then rolls
     * back). Runs it again if the application changed a document it read meanwhile.
     *
     * @return whether it committed
     */
    boolean commit(CommitPoint point, Predicate<Transaction> work) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = store.beginTransaction()) {
                if (!work.test(tx)) {
                    return false;
                }
                hooks.beforeCommit(point);
                tx.commit();
                hooks.afterCommit(point);
                return true;
            } catch (TransactionConflictException e) {
                if (attempt == COMMIT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Marks changes synchronized in the change log. */
    void markSynchronized(Collection<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        hooks.beforeCommit(CommitPoint.MARK_SYNCED);
        store.markSynchronized(changes);
        hooks.afterCommit(CommitPoint.MARK_SYNCED);
    }
}
