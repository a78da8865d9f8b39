package io.offlinestore.spi;

import io.offlinestore.Transaction;

/**
 * Transactions whose writes add nothing to the change log, for passes such as migrations that
 * evolve the local schema rather than make edits to synchronize. Versions and indexes are
 * maintained as for any write; listeners are still told.
 */
public interface UntrackedWrites {

    /** Begins a transaction over the named collections (any when none are named) that records no change. */
    Transaction beginUntracked(String... collections);
}
