package io.offlinestore.spi;

/**
 * What the options know of a migration: its version and description. The migrations module's
 * {@code io.offlinestore.migrations.Migration} extends it with {@code up} and {@code down}; the
 * API holds migrations by this type so that it needs no dependency on that module.
 */
public interface SchemaMigration {

    /** The schema version this migration brings the store to, at least 2. */
    int version();

    /** A short description, recorded in the history. */
    String description();
}
