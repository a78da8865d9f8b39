package io.offlinestore.engine.cache;

import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.spi.StorageBackend;

/** Loads records straight from a backend in the store's record format. */
public record BackendRecords(StorageBackend backend, RecordFormat format) implements RecordLoader {
    @Override
    public byte[] fetch(String keyspace, byte[] key) {
        return backend.get(keyspace, key);
    }

    @Override
    public StoredRecord decode(byte[] stored) {
        return format.decode(stored);
    }
}
