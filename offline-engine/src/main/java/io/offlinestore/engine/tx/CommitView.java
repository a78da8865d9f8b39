package io.offlinestore.engine.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.plan.CollectionQuery;
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
    private final Commit commit;

    public CommitView(Commit commit) {
        this.commit = commit;
    }

    /**
     * The stored bodies matching a query in stored form (already sealed), in its order and page;
     * committed ones may be shared with the read cache, so callers copy before changing one.
     */
    public List<ObjectNode> query(CollectionQuery collection, Query sealed) {
        CollectionState state = collection.state();
        Map<JsonNode, ObjectNode> written = commit.written(state.name());
        Set<ByteBuffer> writtenKeys = new HashSet<>();
        written.keySet().forEach(id -> writtenKeys.add(ByteBuffer.wrap(KeyCodec.encode(id))));
        List<ObjectNode> matches = new ArrayList<>();
        try (Stream<StoredRecord> committed = collection.records(Query.filter(sealed.filter()))) {
            committed.forEach(record -> {
                JsonNode id = DocumentIds.fromBody(record.body(), state.keyPath(), state.name());
                if (!writtenKeys.contains(ByteBuffer.wrap(KeyCodec.encode(id)))) {
                    commit.noteRead(state, id);
                    matches.add(record.body());
                }
            });
        }
        for (ObjectNode body : written.values()) {
            if (body != null && FilterEvaluator.matches(sealed.filter(), body)) {
                matches.add(body.deepCopy());
            }
        }
        Comparator<JsonNode> order = SortOrder.comparator(sealed.sort(), state.keyPath());
        Stream<ObjectNode> paged = matches.stream().sorted(order).skip(sealed.offset());
        return (sealed.limit().isPresent() ? paged.limit(sealed.limit().getAsInt()) : paged).toList();
    }
}
