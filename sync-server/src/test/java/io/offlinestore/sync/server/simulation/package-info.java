/**
 * The sync-engine simulator of {@code offline-sync} run against the real server: its fault layer
 * wraps HTTP to a {@code SyncHttpServer} on PostgreSQL, and its invariants read the server's tables.
 */
package io.offlinestore.sync.server.simulation;
