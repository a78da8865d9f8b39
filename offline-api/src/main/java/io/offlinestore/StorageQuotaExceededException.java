package io.offlinestore;

/**
 * A write would take the store past its {@link StoreOptions#sizeLimit() size limit} and
 * eviction could not make room. Nothing of the write was applied.
 */
public class StorageQuotaExceededException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final long usage;
    private final String collection;

    /**
     * @param limit      the store's size limit, in bytes
     * @param usage      the usage the write would have reached, in bytes
     * @param collection the collection the write grew most
     */
    public StorageQuotaExceededException(long limit, long usage, String collection) {
        super("writing to collection '" + collection + "' would take the store to " + usage
                + " bytes, past its size limit of " + limit + " bytes, and nothing more can be evicted;"
                + " the write was not applied");
        this.limit = limit;
        this.usage = usage;
        this.collection = collection;
    }

    public long limit() {
        return limit;
    }

    public long usage() {
        return usage;
    }

    public String collection() {
        return collection;
    }
}
