package io.offlinestore.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.engine.codec.ValueOrder;
import io.offlinestore.query.Direction;
import io.offlinestore.query.SortKey;
import java.util.Comparator;
import java.util.List;

/**
 * Orders documents by a query's sort keys in MongoDB's cross-type order, a missing field
 * sorting as null. Ties are broken by id, in the direction of the last sort key (ascending when
 * there is none), which is also the order an index scan yields them in.
 */
public final class SortOrder {
    private SortOrder() {
    }

    /** A comparator over document bodies for these sort keys, with {@code keyPath} the id field. */
    public static Comparator<JsonNode> comparator(List<SortKey> keys, String keyPath) {
        Comparator<JsonNode> order = (a, b) -> 0;
        for (SortKey key : keys) {
            FieldPath path = FieldPath.of(key.field());
            Comparator<JsonNode> byField = (a, b) -> ValueOrder.compare(path.value(a), path.value(b));
            order = order.thenComparing(key.direction() == Direction.DESC ? byField.reversed() : byField);
        }
        FieldPath id = FieldPath.of(keyPath);
        Comparator<JsonNode> byId = (a, b) -> ValueOrder.compare(id.value(a), id.value(b));
        return order.thenComparing(idDirection(keys) == Direction.DESC ? byId.reversed() : byId);
    }

    /** The direction ties are broken in. */
    public static Direction idDirection(List<SortKey> keys) {
        return keys.isEmpty() ? Direction.ASC : keys.get(keys.size() - 1).direction();
    }
}
