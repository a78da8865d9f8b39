package io.offlinestore.engine.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.plan.QueryPlan;
import io.offlinestore.engine.plan.PlanExecutor;
import io.offlinestore.engine.plan.QueryPlanner;
import io.offlinestore.engine.plan.QueryRunner;
import io.offlinestore.engine.query.FilterEvaluator;
import io.offlinestore.engine.query.SortOrder;
import io.offlinestore.query.Query;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs queries as a commit sees the data: the committed documents, minus those the commit wrote,
 * plus the commit's own versions that match. Every committed document returned is noted as read,
 * so a transaction that acts on a query result conflicts if another commit changed it meanwhile.
 */
public final class CommitView {
    private final PlanExecutor executor;
    private final Commit commit;

    public CommitView(PlanExecutor executor, Commit commit) {
        this.executor = executor;
        this.commit = commit;
    }

    /** The matching documents in the query's order and page, as mutable copies. */
    public List<ObjectNode> query(CollectionState state, Query query) {
        Map<JsonNode, ObjectNode> written = commit.written(state.name());
        Set<ByteBuffer> writtenKeys = new HashSet<>();
        written.keySet().forEach(id -> writtenKeys.add(ByteBuffer.wrap(KeyCodec.encode(id))));
        List<ObjectNode> matches = new ArrayList<>();
        if (state.stored()) {
            Query unpaged = Query.filter(query.filter());
            QueryPlan plan = QueryPlanner.plan(unpaged, state.keyPath(), state.indexList());
            try (Stream<StoredRecord> committed = QueryRunner.run(unpaged, plan, executor,
                    state.documentsKeyspace(), state.keyPath())) {
                committed.forEach(record -> {
                    JsonNode id = DocumentIds.fromBody(record.body(), state.keyPath(), state.name());
                    if (!writtenKeys.contains(ByteBuffer.wrap(KeyCodec.encode(id)))) {
                        commit.noteRead(state, id);
                        matches.add(record.body());
                    }
                });
            }
        }
        for (ObjectNode body : written.values()) {
            if (body != null && FilterEvaluator.matches(query.filter(), body)) {
                matches.add(body.deepCopy());
            }
        }
        Comparator<JsonNode> order = SortOrder.comparator(query.sort(), state.keyPath());
        Stream<ObjectNode> paged = matches.stream().sorted(order).skip(query.offset());
        return (query.limit().isPresent() ? paged.limit(query.limit().getAsInt()) : paged).toList();
    }
}
