package io.offlinestore;

/**
 * What the store does when a write would take its usage past
 * {@link StoreOptions#sizeLimit()}: evict across collections, or refuse the write.
 */
public enum EvictionStrategy {
    /** Evict nothing for the size limit: a write that would pass it fails. */
    NONE,
    /**
     * Evict the least recently used documents across the collections that allow it (every
     * collection but those whose policy is {@link EvictionPolicy#none()} and internal ones, whose
     * names start with {@code _}), then fail the write only if that cannot make room.
     */
    LRU
}
