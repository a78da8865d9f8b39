/**
 * The sync server's state on PostgreSQL: {@link io.offlinestore.sync.server.postgres.PostgresSyncStorage}
 * (documents as jsonb, the commit sequence, tombstones, the dedup table, scopes),
 * {@link io.offlinestore.sync.server.postgres.Accounts} (users and hashed bearer tokens), the
 * Flyway-managed {@link io.offlinestore.sync.server.postgres.Schema}, and
 * {@link io.offlinestore.sync.server.postgres.ServerDatabase}, the pool over an existing or the
 * embedded PostgreSQL.
 */
package io.offlinestore.sync.server.postgres;
