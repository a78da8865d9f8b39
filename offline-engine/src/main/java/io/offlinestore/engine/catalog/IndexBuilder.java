package io.offlinestore.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.index.IndexEntries;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.internal.Json;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a new secondary index over a collection's existing documents. The entries and the
 * catalog entry naming the index are written in one batch, so a crash leaves either no index
 * or a complete one (an empty keyspace left behind is dropped at the next open).
 */
final class IndexBuilder {
    private final StorageBackend backend;
    private final RecordFormat format;

    IndexBuilder(StorageBackend backend, RecordFormat format) {
        this.backend = backend;
        this.format = format;
    }

    /** Fills the index and stores it; returns the collection's new state. */
    CollectionState build(CollectionState state, IndexDefinition definition) {
        IndexState index = new IndexState(definition, Keyspaces.index(state.name(), definition.name()), false);
        WriteBatch batch = new WriteBatch();
        Map<ByteBuffer, JsonNode> uniqueValues = new HashMap<>();
        boolean multikey = false;
        if (state.stored()) {
            try (KeyValueCursor cursor = backend.scan(state.documentsKeyspace(), KeyRange.all(), false)) {
                while (cursor.hasNext()) {
                    KeyValue entry = cursor.next();
                    StoredRecord record = format.decode(entry.value());
                    IndexEntries entries = IndexEntries.of(index, record.body(), state.name());
                    multikey |= entries.multikey();
                    for (int i = 0; i < entries.prefixes().size(); i++) {
                        byte[] prefix = entries.prefixes().get(i);
                        if (definition.unique() && !entries.nullable().get(i)) {
                            checkUnique(state, definition, uniqueValues, prefix, entry.key());
                        }
                        batch.put(index.keyspace(), IndexEntries.key(prefix, entry.key()), new byte[0]);
                    }
                }
            }
        }
        CollectionState next = state.asStored().withIndex(multikey ? index.asMultikey() : index);
        backend.createKeyspace(index.keyspace());
        try {
            batch.put(Keyspaces.CATALOG, Catalog.key(next.name()), Catalog.encode(next));
            createKeyspaces(backend, next);
            backend.apply(batch);
        } catch (RuntimeException e) {
            backend.dropKeyspace(index.keyspace());
            throw e;
        }
        return next;
    }

    private static void checkUnique(CollectionState state, IndexDefinition definition, Map<ByteBuffer, JsonNode> seen,
                                    byte[] prefix, byte[] encodedId) {
        JsonNode id = KeyCodec.decodeTuple(encodedId).get(0);
        JsonNode other = seen.putIfAbsent(ByteBuffer.wrap(prefix), id);
        if (other != null && !other.equals(id)) {
            throw new DuplicateKeyException(state.name(), definition.name(), "collection '" + state.name()
                    + "': cannot create unique index '" + definition.name() + "': documents " + Json.write(other)
                    + " and " + Json.write(id) + " share the value " + KeyCodec.decodeTuple(prefix));
        }
    }

    /** Stores a collection's catalog entry (creating its keyspaces) on its own. */
    static void storeCatalog(StorageBackend backend, CollectionState state) {
        createKeyspaces(backend, state);
        backend.apply(new WriteBatch().put(Keyspaces.CATALOG, Catalog.key(state.name()), Catalog.encode(state.asStored())));
    }

    private static void createKeyspaces(StorageBackend backend, CollectionState state) {
        backend.createKeyspace(state.documentsKeyspace());
        for (IndexState index : state.indexes().values()) {
            backend.createKeyspace(index.keyspace());
        }
    }
}
