package io.offlinestore.migrations;

/** A migration asked to run {@code down} has none. */
public class IrreversibleMigrationException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public IrreversibleMigrationException(Migration migration) {
        this("migration V" + migration.version() + " '" + migration.description() + "' cannot be reverted: it has no down");
    }

    public IrreversibleMigrationException(String message) {
        super(message);
    }
}
