package io.offlinestore.sync;

/**
 * The server could not be reached or did not answer usably (network down, timeout, 5xx). Nothing
 * was lost: the same exchange is retried on the next sync.
 */
public class SyncTransportException extends SyncException {
    private static final long serialVersionUID = 1L;

    public SyncTransportException(String message) {
        super(message);
    }

    public SyncTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
