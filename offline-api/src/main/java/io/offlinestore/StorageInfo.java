package io.offlinestore;

import java.util.Map;
import java.util.OptionalLong;

/**
 * How much a store holds, as {@link OfflineStore#storageInfo()} reports it. Byte counts are
 * the sizes of stored keys and values as the backend reports them, not of files on disk.
 *
 * @param usedBytes      bytes of every keyspace, metadata included
 * @param sizeLimit      the store's size limit, if one is set
 * @param availableBytes with a size limit, the limit minus the usage it is checked against
 *                       (documents' bytes, see {@link StoreOptions#sizeLimit()}), never below 0;
 *                       without one, the free space of the file system holding the store, or
 *                       the free heap for a store in memory
 * @param collections    per collection name, its usage
 */
public record StorageInfo(long usedBytes, OptionalLong sizeLimit, long availableBytes,
                          Map<String, CollectionUsage> collections) {
    public StorageInfo {
        collections = Map.copyOf(collections);
    }

    /**
     * One collection's usage.
     *
     * @param documents      number of documents
     * @param documentBytes  bytes of the stored documents
     * @param indexBytes     bytes of the collection's index entries
     * @param eviction       its eviction policy, if it has one
     * @param pendingChanges its changes not yet marked synchronized
     * @param cacheBytes     the weight of its documents in the read cache (0 without a cache)
     */
    public record CollectionUsage(long documents, long documentBytes, long indexBytes, EvictionPolicy eviction,
                                  long pendingChanges, long cacheBytes) {
    }
}
