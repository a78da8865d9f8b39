package io.offlinestore.sync;

import io.offlinestore.OfflineStoreException;

/** Root of the errors the {@link OperationQueue} throws; its subclasses name the cause. */
public class OperationQueueException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public OperationQueueException(String message) {
        super(message);
    }

    public OperationQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
