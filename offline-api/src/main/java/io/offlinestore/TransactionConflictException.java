package io.offlinestore;

/**
 * A transaction read or wrote a document that another commit changed after it was read; the
 * transaction was not applied. Retrying it (as {@link OfflineStore#inTransaction} does) usually
 * succeeds.
 */
public class TransactionConflictException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    private final String collection;
    private final transient Object id;

    public TransactionConflictException(String collection, Object id) {
        super("transaction conflict: document " + (id instanceof String ? "'" + id + "'" : String.valueOf(id))
                + " in collection '" + collection + "' was changed by another commit after this transaction read it");
        this.collection = collection;
        this.id = id;
    }

    /** The collection of the conflicting document. */
    public String collection() {
        return collection;
    }

    /** The id of the conflicting document. */
    public Object id() {
        return id;
    }
}
