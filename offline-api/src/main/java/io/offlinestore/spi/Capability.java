package io.offlinestore.spi;

/** Optional guarantees a {@link StorageBackend} declares; the conformance kit tests each one declared. */
public enum Capability {
    /** Data survives closing and reopening the backend at the same path. */
    PERSISTENT,
    /** A batch applied with sync durability survives a killed process. */
    DURABLE,
    /** A cursor sees the keyspace as it was when the scan began, whatever is written meanwhile. */
    SNAPSHOT_CURSORS,
    /** A second process opening the same path fails instead of sharing or corrupting it. */
    EXCLUSIVE_PROCESS_LOCK
}
