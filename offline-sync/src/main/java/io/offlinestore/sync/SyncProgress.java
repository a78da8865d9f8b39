package io.offlinestore.sync;

/**
 * Progress of a pull.
 *
 * @param scope     the scope pulled (the collection, with its filter if any)
 * @param pulled    documents received so far in this sync
 * @param remaining the server's estimate of how many are still to come
 */
public record SyncProgress(String scope, long pulled, long remaining) {
}
