package io.offlinestore;

/**
 * The storage backend failed: an I/O error, a corrupt file, a closed backend. The store's data
 * is as it was before the failing write.
 */
public class StorageException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
