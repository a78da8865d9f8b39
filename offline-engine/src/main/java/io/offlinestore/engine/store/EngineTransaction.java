package io.offlinestore.engine.store;

import io.offlinestore.DocumentCollection;
import io.offlinestore.Transaction;
import io.offlinestore.engine.tx.Commit;
import java.util.Set;
import java.util.function.Function;

/**
 * The engine's {@link Transaction}: a {@link Commit} filled by its collections' operations
 * without the store's lock, then validated and applied under it at {@link #commit()}.
 */
final class EngineTransaction implements Transaction {
    private final EngineOfflineStore store;
    private final String id;
    private final Set<String> collections;
    private final Commit commit;
    private boolean active = true;

    EngineTransaction(EngineOfflineStore store, String id, Set<String> collections, Commit commit) {
        this.store = store;
        this.id = id;
        this.collections = collections;
        this.commit = commit;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DocumentCollection collection(String name) {
        ensureActive();
        if (!collections.isEmpty() && !collections.contains(name)) {
            throw new IllegalArgumentException("transaction " + id + " was begun for " + collections
                    + ", not for collection '" + name + "'");
        }
        return new EngineCollection(store, name, new TransactionSource(this));
    }

    /** Runs one operation of a collection of this transaction against its buffered commit. */
    <R> R write(Function<Commit, R> work) {
        ensureActive();
        return work.apply(commit);
    }

    Commit commitInProgress() {
        ensureActive();
        return commit;
    }

    @Override
    public void commit() {
        ensureActive();
        active = false;
        store.commitTransaction(commit, id);
    }

    @Override
    public void rollback() {
        active = false;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void close() {
        active = false;
    }

    private void ensureActive() {
        if (!active) {
            throw new IllegalStateException("transaction " + id + " is no longer active (committed or rolled back)");
        }
    }
}
