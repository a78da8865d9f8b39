package io.offlinestore;

/**
 * Root of every exception the store throws. Unchecked: callers catch the typed subclass that
 * matches the cause they can handle, or this class for all of them.
 */
public class OfflineStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OfflineStoreException(String message) {
        super(message);
    }

    public OfflineStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
