package io.offlinestore.migrations;

import java.time.Instant;

/**
 * A row of the store's migration history: a migration applied (or the baseline a store was
 * created or first migrated at), with the checksum it had, when, how long it took and how many
 * documents it changed.
 */
public record AppliedMigration(int version, String description, String checksum, Instant appliedAt,
                               long durationMillis, long documents, boolean baseline) {
}
