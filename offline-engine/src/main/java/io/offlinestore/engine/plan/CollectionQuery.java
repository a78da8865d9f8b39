package io.offlinestore.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.crypto.DocumentTransform;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import java.util.stream.Stream;

/**
 * The one query path of a collection at one moment: the caller's query is sealed by the
 * collection's transform, planned over its indexes, run against the committed data, and each
 * document found is opened. Made once per operation from the collection's state; streams it
 * returns hold a backend cursor until closed.
 */
public final class CollectionQuery {
    private final CollectionState state;
    private final DocumentTransform transform;
    private final PlanExecutor executor;
    private final PlanCache plans;

    public CollectionQuery(CollectionState state, DocumentTransform transform, PlanExecutor executor, PlanCache plans) {
        this.state = state;
        this.transform = transform;
        this.executor = executor;
        this.plans = plans;
    }

    public CollectionState state() {
        return state;
    }

    public DocumentTransform transform() {
        return transform;
    }

    /** The committed documents matching the caller's query, in its order and page, opened. */
    public Stream<ObjectNode> documents(Query query) {
        return records(transform.seal(query)).map(record -> transform.open(record.body()));
    }

    /**
     * The committed records matching a query in stored form (already sealed), in its order and
     * page; none while the collection has never been stored.
     */
    public Stream<StoredRecord> records(Query sealed) {
        if (!state.stored()) {
            return Stream.empty();
        }
        return QueryRunner.run(sealed, plan(sealed), executor, state.documentsKeyspace(), state.keyPath());
    }

    /**
     * How many committed documents match: read from the index entries alone when an index
     * answers the whole filter and holds one entry per document.
     */
    public long count(Filter filter) {
        Query sealed = transform.seal(Query.filter(filter));
        if (!state.stored()) {
            return 0;
        }
        QueryPlan plan = plan(sealed);
        if (plan instanceof QueryPlan.IndexScanPlan index && index.residual() instanceof Filter.MatchAll
                && !index.index().multikey()) {
            return executor.countEntries(index);
        }
        try (Stream<StoredRecord> matching = QueryRunner.run(sealed, plan, executor, state.documentsKeyspace(),
                state.keyPath())) {
            return matching.count();
        }
    }

    /** The plan the caller's query would run with, planned afresh to list every path considered. */
    public Explanation explain(Query query) {
        Query sealed = transform.seal(query);
        return QueryPlanner.plan(sealed, state.keyPath(), state.indexList()).explain(state.name(), sealed);
    }

    private QueryPlan plan(Query sealed) {
        return plans.plan(sealed, state.keyPath(), state.indexList());
    }
}
