package io.offlinestore.sync;

import io.offlinestore.OfflineStoreException;

/** Root of the exceptions document sync throws. */
public class SyncException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
