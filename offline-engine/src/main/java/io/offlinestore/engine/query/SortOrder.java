package io.offlinestore.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.offlinestore.engine.codec.ValueOrder;
import io.offlinestore.query.Direction;
import io.offlinestore.query.SortKey;
import java.util.Comparator;
import java.util.List;

/**
 * Orders documents by a query's sort keys with MongoDB's rules: values compare in the cross-type
 * order, a missing field sorting as null; a field holding an array sorts by its smallest element
 * ascending and by its largest descending (elements compared in the same order, a nested array
 * being one value of the arrays bracket); an empty array sorts below null and missing, so first
 * ascending and last descending. A path through an array of objects ({@code items.qty}) sorts by
 * the smallest or largest of the values it reaches. Ties are broken by id, in the direction of
 * the last sort key (ascending when there is none), which is also the order an index scan yields
 * them in.
 */
public final class SortOrder {
    private SortOrder() {
    }

    /** A comparator over document bodies for these sort keys, with {@code keyPath} the id field. */
    public static Comparator<JsonNode> comparator(List<SortKey> keys, String keyPath) {
        Comparator<JsonNode> order = (a, b) -> 0;
        for (SortKey key : keys) {
            FieldPath path = FieldPath.of(key.field());
            boolean descending = key.direction() == Direction.DESC;
            Comparator<JsonNode> byField = (a, b) -> compare(sortValue(path, a, descending), sortValue(path, b, descending));
            order = order.thenComparing(descending ? byField.reversed() : byField);
        }
        FieldPath id = FieldPath.of(keyPath);
        Comparator<JsonNode> byId = (a, b) -> ValueOrder.compare(id.value(a), id.value(b));
        return order.thenComparing(idDirection(keys) == Direction.DESC ? byId.reversed() : byId);
    }

    /** The direction ties are broken in. */
    public static Direction idDirection(List<SortKey> keys) {
        return keys.isEmpty() ? Direction.ASC : keys.get(keys.size() - 1).direction();
    }

    /**
     * The value a document sorts by on one path: the smallest (ascending) or largest
     * (descending) of the values the path reaches, arrays contributing their elements; null
     * (an empty array, the lowest value) when the path reaches only empty arrays, or an empty
     * array besides other values when ascending.
     */
    static JsonNode sortValue(FieldPath path, JsonNode document, boolean descending) {
        JsonNode best = null;
        boolean emptyArray = false;
        for (JsonNode candidate : path.candidates(document)) {
            if (candidate instanceof ArrayNode array) {
                emptyArray |= array.isEmpty();
                for (JsonNode element : array) {
                    best = better(best, element, descending);
                }
            } else {
                best = better(best, candidate, descending);
            }
        }
        return emptyArray && (best == null || !descending) ? null : best;
    }

    private static JsonNode better(JsonNode best, JsonNode candidate, boolean descending) {
        if (best == null) {
            return candidate;
        }
        int order = ValueOrder.compare(candidate, best);
        return descending ? (order > 0 ? candidate : best) : (order < 0 ? candidate : best);
    }

    /** Compares sort values, null (an empty array) lowest. */
    private static int compare(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ValueOrder.compare(a, b);
    }
}
