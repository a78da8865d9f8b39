package io.offlinestore;

/** An operation needed an existing document (update, patch) and there was none with that id. */
public class DocumentNotFoundException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    private final String collection;
    private final Object id;

    public DocumentNotFoundException(String collection, Object id) {
        super("no document with id " + describe(id) + " in collection '" + collection + "'");
        this.collection = collection;
        this.id = id;
    }

    private static String describe(Object id) {
        return id instanceof String ? "'" + id + "'" : String.valueOf(id);
    }

    /** The collection that was searched. */
    public String collection() {
        return collection;
    }

    /** The id that was not found. */
    public Object id() {
        return id;
    }
}
