package io.offlinestore.migrations;

import java.util.List;

/**
 * Where a store stands: its schema version, the version its options ask for, the history, the
 * migrations still to run, and what validation found wrong (empty when the checksums match).
 *
 * @param unfinished the version of a migration interrupted part-way, or 0
 */
public record MigrationStatus(int storedVersion, int targetVersion, List<AppliedMigration> applied,
                              List<Migration> pending, List<String> problems, int unfinished) {

    /** Whether every applied migration is known and unchanged. */
    public boolean valid() {
        return problems.isEmpty();
    }
}
