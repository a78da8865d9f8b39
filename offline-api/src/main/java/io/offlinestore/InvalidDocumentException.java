package io.offlinestore;

/**
 * A document was rejected before anything was written: it is not a JSON object, lacks its
 * key, carries an id of an unsupported type, or cannot be indexed. The message names the
 * collection and, where there is one, the field.
 */
public class InvalidDocumentException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public InvalidDocumentException(String message) {
        super(message);
    }

    public InvalidDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
