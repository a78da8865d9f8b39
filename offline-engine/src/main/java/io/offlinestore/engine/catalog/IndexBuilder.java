package io.offlinestore.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.index.IndexChanges;
import io.offlinestore.engine.index.IndexMaintainer;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;

/**
 * Builds a new secondary index over a collection's existing documents. The entries and the
 * catalog entry naming the index are written in one batch, so a crash leaves either no index
 * or a complete one (an empty keyspace left behind is dropped at the next open).
 */
final class IndexBuilder {
    private final StorageBackend backend;
    private final RecordFormat format;
    private final IndexMaintainer indexes;

    IndexBuilder(StorageBackend backend, RecordFormat format) {
        this.backend = backend;
        this.format = format;
        this.indexes = new IndexMaintainer(backend);
    }

    /** Fills the index and stores it; returns the collection's new state. */
    CollectionState build(CollectionState state, IndexDefinition definition) {
        IndexState index = new IndexState(definition, Keyspaces.index(state.name(), definition.name()), false);
        IndexChanges entries = new IndexChanges();
        boolean multikey = false;
        if (state.stored()) {
            try (KeyValueCursor cursor = backend.scan(state.documentsKeyspace(), KeyRange.all(), false)) {
                while (cursor.hasNext()) {
                    KeyValue entry = cursor.next();
                    StoredRecord record = format.decode(entry.value());
                    JsonNode id = KeyCodec.decodeTuple(entry.key()).get(0);
                    multikey |= indexes.update(index, null, record.body(), id, entry.key(), state.name(), entries);
                }
            }
        }
        indexes.findViolation(index, entries, false).ifPresent(violation -> {
            throw new DuplicateKeyException(state.name(), definition.name(), "collection '" + state.name()
                    + "': cannot create unique index '" + definition.name() + "': documents "
                    + EngineJson.write(violation.holder()) + " and " + EngineJson.write(violation.added().id()) + " share the value "
                    + KeyCodec.decodeTuple(violation.added().prefix()));
        });
        WriteBatch batch = new WriteBatch();
        indexes.write(index, entries, batch);
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
