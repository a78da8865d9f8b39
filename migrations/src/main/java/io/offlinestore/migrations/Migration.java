package io.offlinestore.migrations;

import io.offlinestore.spi.SchemaMigration;

/**
 * One step of schema evolution: {@link #up} brings the store from {@code version() - 1} to
 * {@link #version()}, {@link #down} back. Register migrations with
 * {@code StoreOptions.builder().version(n).migrations(List.of(...))} or list them in
 * {@code META-INF/services/io.offlinestore.migrations.Migration}.
 *
 * <p>{@code up} may run more than once after a crash: the context's helpers skip the steps
 * already committed and resume the interrupted one after its checkpoint, so {@code up} must call
 * the same helpers in the same order each time.
 */
public interface Migration extends SchemaMigration {

    /** Applies the migration. */
    void up(MigrationContext ctx);

    /**
     * Reverts the migration.
     *
     * @throws IrreversibleMigrationException unless overridden
     */
    default void down(MigrationContext ctx) {
        throw new IrreversibleMigrationException(this);
    }

    /**
     * Whether this migration's writes go to the change log for sync (default false: a migration
     * is local schema evolution, and every replica runs it itself).
     */
    default boolean recordsChanges() {
        return false;
    }

    /**
     * The checksum recorded in the history and compared by validation: by default a digest of
     * the class name and description.
     */
    default String checksum() {
        return Checksums.of(getClass().getName() + "\n" + description());
    }
}
