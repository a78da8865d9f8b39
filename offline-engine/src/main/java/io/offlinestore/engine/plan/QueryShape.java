package io.offlinestore.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.query.Condition;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.query.SortKey;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the planner's choice depends on in a query, with its values left out: the filter's
 * structure (logical operators, paths, operators), for each value only what the planner looks
 * at (its type bracket, or that it cannot be looked up in an index), for each {@code $in} how
 * many values and how many distinct keys it has, the sort keys and whether there is a limit.
 * Two queries of one shape get the same plan decision over the same indexes.
 *
 * @param filter  the filter's structure, written out
 * @param sort    the sort keys
 * @param limited whether the query has a limit
 */
record QueryShape(String filter, List<SortKey> sort, boolean limited) {
    private static final char UNINDEXABLE = 'x';

    /** The shape of a query. */
    static QueryShape of(Query query) {
        StringBuilder text = new StringBuilder();
        write(query.filter(), text);
        return new QueryShape(text.toString(), query.sort(), query.limit().isPresent());
    }

    private static void write(Filter filter, StringBuilder text) {
        if (filter instanceof Filter.Field field) {
            text.append(field.path().length()).append(':').append(field.path());
            write(field.condition(), text);
        } else if (filter instanceof Filter.And and) {
            writeAll("and(", and.operands(), text);
        } else if (filter instanceof Filter.Or or) {
            writeAll("or(", or.operands(), text);
        } else if (filter instanceof Filter.Nor nor) {
            text.append("nor");
        } else {
            text.append('*');
        }
    }

    private static void writeAll(String operator, List<Filter> operands, StringBuilder text) {
        text.append(operator);
        for (Filter operand : operands) {
            write(operand, text);
            text.append(',');
        }
        text.append(')');
    }

    /** Only comparisons and {@code $in}, also inside a list of conditions on one path, can use an index. */
    private static void write(Condition condition, StringBuilder text) {
        if (condition instanceof Condition.Compare compare) {
            text.append(compare.operator().name()).append(value(compare.value()));
        } else if (condition instanceof Condition.In in) {
            Set<ByteBuffer> keys = new HashSet<>();
            StringBuilder values = new StringBuilder();
            for (JsonNode value : in.values()) {
                char kind = value(value);
                values.append(kind);
                if (kind != UNINDEXABLE) {
                    keys.add(ByteBuffer.wrap(KeyCodec.encode(value)));
                }
            }
            text.append("IN").append(in.values().size()).append('/').append(keys.size()).append(values);
        } else if (condition instanceof Condition.AllOf all) {
            text.append("all(");
            for (Condition each : all.conditions()) {
                write(each, text);
                text.append(',');
            }
            text.append(')');
        } else {
            text.append(condition.getClass().getSimpleName());
        }
    }

    /** The value's type bracket as one character, or {@link #UNINDEXABLE}. */
    private static char value(JsonNode value) {
        if (!QueryPlanner.indexable(value)) {
            return UNINDEXABLE;
        }
        return (char) KeyCodec.bracketStart(value)[0];
    }
}
