/**
 * The sync server's logic, independent of HTTP and of any database: {@link io.offlinestore.sync.server.SyncServer}
 * applies pushed batches atomically against per-document versions with a dedup table of
 * processed mutation keys, and serves checkpointed pulls from a monotone commit sequence with
 * tombstones. Storage is an SPI ({@link io.offlinestore.sync.server.SyncStorage}); the in-memory
 * implementation serves tests and the simulator. Depends on the protocol package only.
 */
package io.offlinestore.sync.server;
