package io.offlinestore.engine.cache;

import io.offlinestore.engine.codec.StoredRecord;

/** Reads a document's stored bytes from the backend and decodes them, for a {@link DocumentCache} miss. */
public interface RecordLoader {

    /** The stored bytes of the document with this id (a String or a Long), or null. */
    byte[] fetch(String keyspace, Object id);

    /**
     * The record the bytes hold.
     *
     * @throws io.offlinestore.StorageException when they cannot be decoded
     */
    StoredRecord decode(byte[] stored);
}
