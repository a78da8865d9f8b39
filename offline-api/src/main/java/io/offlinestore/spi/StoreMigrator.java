package io.offlinestore.spi;

import io.offlinestore.OfflineStore;

/**
 * Brings a store to the schema version of its options when it opens. The engine finds the
 * implementation with {@link java.util.ServiceLoader} (the migrations module provides it) and
 * calls it before {@code OfflineStore.open} returns, unless the options turn that off.
 */
public interface StoreMigrator {

    /**
     * Validates the history and runs the pending migrations of {@code store.options()}.
     *
     * @param store the store just opened, not yet visible to any other caller
     * @param writes the store's writes that record no change (schema evolution, not user edits)
     */
    void migrate(OfflineStore store, UntrackedWrites writes);
}
