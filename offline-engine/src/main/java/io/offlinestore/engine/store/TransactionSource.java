package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.plan.CollectionQuery;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.engine.tx.CommitView;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A transaction's data: its own writes over the committed data, every committed document read
 * noted for validation at commit; writes are buffered in its commit.
 */
final class TransactionSource implements DocumentSource {
    private final EngineTransaction transaction;

    TransactionSource(EngineTransaction transaction) {
        this.transaction = transaction;
    }

    @Override
    public Optional<StoredRecord> read(CollectionQuery collection, Object id) {
        Commit commit = transaction.commitInProgress();
        CollectionState state = commit.collection(collection.state());
        return Optional.ofNullable(commit.read(state, DocumentIds.fromJava(id, state.name())));
    }

    @Override
    public Stream<ObjectNode> documents(CollectionQuery collection, Query query) {
        CommitView view = new CommitView(transaction.commitInProgress());
        return view.query(collection, collection.transform().seal(query)).stream()
                .map(collection.transform()::open);
    }

    @Override
    public long count(CollectionQuery collection, Filter filter) {
        try (Stream<ObjectNode> matching = documents(collection, Query.filter(filter))) {
            return matching.count();
        }
    }

    @Override
    public long count(CollectionQuery collection) {
        return count(collection, Filters.all());
    }

    @Override
    public <R> R write(Function<Commit, R> work) {
        return transaction.write(work);
    }

    @Override
    public boolean inTransaction() {
        return true;
    }
}
