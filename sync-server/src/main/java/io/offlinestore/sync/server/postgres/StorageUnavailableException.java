package io.offlinestore.sync.server.postgres;

import io.offlinestore.OfflineStoreException;

/**
 * The database could not be reached or refused the work (connection lost, PostgreSQL
 * restarting, a serialisation failure). Nothing was applied; the request may be retried. The
 * HTTP layer answers it with 503.
 */
public class StorageUnavailableException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
