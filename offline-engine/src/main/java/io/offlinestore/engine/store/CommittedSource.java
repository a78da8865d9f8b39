package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.StorageException;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.plan.CollectionQuery;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The committed data of a store: reads take no lock and go through the read cache, each write is
 * a commit of its own.
 */
final class CommittedSource implements DocumentSource {
    private final EngineOfflineStore store;

    CommittedSource(EngineOfflineStore store) {
        this.store = store;
    }

    @Override
    public Optional<StoredRecord> read(CollectionQuery collection, Object id) {
        CollectionState state = collection.state();
        Object normalized = DocumentIds.normalize(id, state.name());
        if (!state.stored()) {
            return Optional.empty();
        }
        StoredRecord record;
        try {
            record = store.cache().get(state.documentsKeyspace(), normalized, store.records());
        } catch (StorageException e) {
            throw new StorageException("collection '" + state.name() + "': document "
                    + DocumentIds.describe(DocumentIds.fromJava(normalized, state.name()))
                    + " is unreadable (delete or overwrite it): " + e.getMessage(), e);
        }
        if (record == null) {
            return Optional.empty();
        }
        store.accessed(state.name(), normalized);
        return Optional.of(record);
    }

    @Override
    public Stream<ObjectNode> documents(CollectionQuery collection, Query query) {
        return collection.documents(query);
    }

    @Override
    public long count(CollectionQuery collection, Filter filter) {
        return collection.count(filter);
    }

    @Override
    public long count(CollectionQuery collection) {
        CollectionState state = collection.state();
        if (!state.stored()) {
            return 0;
        }
        long count = 0;
        try (KeyValueCursor cursor = store.backend().scan(state.documentsKeyspace(), KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                cursor.next();
                count++;
            }
        }
        return count;
    }

    @Override
    public <R> R write(Function<Commit, R> work) {
        return store.write(work);
    }

    @Override
    public boolean inTransaction() {
        return false;
    }
}
