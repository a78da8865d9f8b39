package io.offlinestore.sync.server.postgres;

import io.offlinestore.OfflineStoreException;

/** The server's database could not be started, reached or migrated at startup. */
public class DatabaseStartException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
