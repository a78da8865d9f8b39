/**
 * The sync client's internals, behind {@link io.offlinestore.sync.SyncEngine}: the change feed
 * that turns the store's change log into pushable document states, the push and pull loops, the
 * conflict settler, the three-way merge, and the sync ledger (the {@code _sync_*} collections
 * that hold per-document base versions, checkpoints, stored conflicts and the ids of the
 * engine's own transactions). Uses the store's public API only. Not an API: may change at any time.
 */
package io.offlinestore.sync.engine;
