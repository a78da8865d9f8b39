package io.offlinestore;

/**
 * A write would give two documents the same id, or the same value in a unique index. Nothing
 * of the write was applied.
 */
public class DuplicateKeyException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    private final String collection;
    private final String index;

    public DuplicateKeyException(String collection, String index, String message) {
        super(message);
        this.collection = collection;
        this.index = index;
    }

    /** The collection written to. */
    public String collection() {
        return collection;
    }

    /** The unique index that was violated, or {@code null} when the document id itself was taken. */
    public String index() {
        return index;
    }
}
