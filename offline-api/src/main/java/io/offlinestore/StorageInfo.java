package io.offlinestore;

import java.util.Map;

/**
 * How much a store holds, as {@link OfflineStore#storageInfo()} reports it. Byte counts are
 * the sizes of stored keys and values as the backend reports them, not of files on disk.
 *
 * @param usedBytes   bytes of every keyspace, metadata included
 * @param collections per collection name, its usage
 */
public record StorageInfo(long usedBytes, Map<String, CollectionUsage> collections) {
    public StorageInfo {
        collections = Map.copyOf(collections);
    }

    /**
     * One collection's usage.
     *
     * @param documents     number of documents
     * @param documentBytes bytes of the stored documents
     * @param indexBytes    bytes of the collection's index entries
     */
    public record CollectionUsage(long documents, long documentBytes, long indexBytes) {
    }
}
