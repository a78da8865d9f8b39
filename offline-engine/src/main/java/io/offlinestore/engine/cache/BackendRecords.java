package io.offlinestore.engine.cache;

import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.spi.StorageBackend;

/** Loads records straight from a backend in the store's record format. */
public record BackendRecords(StorageBackend backend, RecordFormat format) implements RecordLoader {
    @Override
    public byte[] fetch(String keyspace, Object id) {
        String collection = Keyspaces.collectionOf(keyspace);
        return backend.get(keyspace, DocumentIds.encode(DocumentIds.fromJava(id, collection), collection));
    }

    @Override
    public StoredRecord decode(byte[] stored) {
        return format.decode(stored);
    }
}
