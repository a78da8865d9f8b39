package io.offlinestore.query;

import io.offlinestore.query.internal.FilterParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds filters: {@code Filters.where("age").gt(30).and(Filters.where("role").eq("admin"))},
 * or parses MongoDB-style JSON with {@link #parse}.
 */
public final class Filters {
    private static final Filter ALL = new Filter.MatchAll();

    private Filters() {
    }

    /** Starts a condition on the value at a dotted field path. */
    public static FieldExpression where(String path) {
        return new FieldExpression(path, false);
    }

    /** The filter that matches every document. */
    public static Filter all() {
        return ALL;
    }

    /** Every filter must match; nested {@code $and}s are flattened and match-alls dropped. */
    public static Filter and(Filter... filters) {
        List<Filter> operands = new ArrayList<>();
        for (Filter filter : filters) {
            if (filter instanceof Filter.And and) {
                operands.addAll(and.operands());
            } else if (!(filter instanceof Filter.MatchAll)) {
                operands.add(filter);
            }
        }
        if (operands.isEmpty()) {
            return ALL;
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
    }

    /** At least one filter must match; nested {@code $or}s are flattened. */
    public static Filter or(Filter... filters) {
        List<Filter> operands = new ArrayList<>();
        for (Filter filter : filters) {
            if (filter instanceof Filter.Or or) {
                operands.addAll(or.operands());
            } else {
                operands.add(filter);
            }
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.Or(operands);
    }

    /** No filter may match. */
    public static Filter nor(Filter... filters) {
        return new Filter.Nor(Arrays.asList(filters));
    }

    /**
     * Parses a MongoDB-style JSON filter such as
     * {@code {"role":"admin","created_at":{"$gt":"2023-01-01"}}}.
     *
     * @throws io.offlinestore.QueryException naming the offending clause
     */
    public static Filter parse(String json) {
        return FilterParser.parseFilter(json);
    }
}
