package io.offlinestore.sync.server.postgres;

import io.offlinestore.OfflineStoreException;

/** An account operation was given a name or token that cannot be valid. */
public class InvalidAccountException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public InvalidAccountException(String message) {
        super(message);
    }
}
