package io.offlinestore.migrations;

/**
 * Where a running migration is: its version, the step (one helper call of the migration) and
 * collection it works on, and the documents scanned and changed by that step so far.
 */
public record MigrationProgress(int version, String description, int step, String collection, long scanned,
                                long changed) {
}
