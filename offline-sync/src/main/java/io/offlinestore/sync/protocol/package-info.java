/**
 * The sync wire protocol, version {@value io.offlinestore.sync.protocol.SyncProtocol#VERSION}: push
 * batches of idempotent mutations, per-mutation results, and checkpointed pulls of a scope. Plain
 * immutable records that Jackson reads and writes; no dependency on the client or the server, so
 * both sides (and the future HTTP server) share them.
 */
package io.offlinestore.sync.protocol;
