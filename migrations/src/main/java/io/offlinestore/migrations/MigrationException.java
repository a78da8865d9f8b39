package io.offlinestore.migrations;

import io.offlinestore.OfflineStoreException;

/**
 * A migration could not run: a gap or duplicate in the versions, a history that does not match
 * the known migrations, or a migration that threw. The message names the migration and says at
 * which version the store was left.
 */
public class MigrationException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
