package io.offlinestore.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.QueryException;
import io.offlinestore.internal.Json;
import io.offlinestore.query.internal.FilterParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A field path waiting for its condition, as returned by {@link Filters#where}. Values may be
 * any Java value Jackson can turn into JSON: strings, numbers, booleans, maps, lists, null.
 */
public final class FieldExpression {
    private final String path;
    private final boolean negated;

    FieldExpression(String path, boolean negated) {
        this.path = FilterParser.checkPath(path, path);
        this.negated = negated;
    }

    /** Negates the condition that follows: {@code where("age").not().gt(30)}. */
    public FieldExpression not() {
        return new FieldExpression(path, !negated);
    }

    public Filter eq(Object value) {
        return compare(Operator.EQ, value);
    }

    public Filter ne(Object value) {
        return compare(Operator.NE, value);
    }

    public Filter gt(Object value) {
        return compare(Operator.GT, value);
    }

    public Filter gte(Object value) {
        return compare(Operator.GTE, value);
    }

    public Filter lt(Object value) {
        return compare(Operator.LT, value);
    }

    public Filter lte(Object value) {
        return compare(Operator.LTE, value);
    }

    /** Between {@code low} and {@code high}, both included. */
    public Filter between(Object low, Object high) {
        return build(new Condition.AllOf(List.of(
                new Condition.Compare(Operator.GTE, Json.toNode(low)),
                new Condition.Compare(Operator.LTE, Json.toNode(high)))));
    }

    public Filter in(Collection<?> values) {
        return build(new Condition.In(nodes(values)));
    }

    public Filter in(Object... values) {
        return in(List.of(values));
    }

    public Filter nin(Collection<?> values) {
        return build(new Condition.NotIn(nodes(values)));
    }

    public Filter nin(Object... values) {
        return nin(List.of(values));
    }

    public Filter exists(boolean exists) {
        return build(new Condition.Exists(exists));
    }

    public Filter exists() {
        return exists(true);
    }

    /** A Java regular expression; options are MongoDB's {@code i m s x}. */
    public Filter regex(String pattern, String options) {
        return build(new Condition.Regex(pattern, options));
    }

    public Filter regex(String pattern) {
        return regex(pattern, "");
    }

    public Filter size(int size) {
        return build(new Condition.Size(size));
    }

    public Filter all(Collection<?> values) {
        return build(new Condition.All(nodes(values)));
    }

    public Filter all(Object... values) {
        return all(List.of(values));
    }

    /** An array with an object element matching {@code filter}. */
    public Filter elemMatch(Filter filter) {
        return build(new Condition.ElemMatchDocument(filter));
    }

    /** An array with an element meeting {@code condition}. */
    public Filter elemMatch(Condition condition) {
        return build(new Condition.ElemMatchValue(condition));
    }

    /** Applies an already built condition. */
    public Filter matches(Condition condition) {
        return build(condition);
    }

    private Filter compare(Operator operator, Object value) {
        JsonNode node = Json.toNode(value);
        return build(new Condition.Compare(operator, node));
    }

    private Filter build(Condition condition) {
        return new Filter.Field(path, negated ? new Condition.Not(condition) : condition);
    }

    private List<JsonNode> nodes(Collection<?> values) {
        if (values == null) {
            throw new QueryException(path, "value list must not be null");
        }
        List<JsonNode> nodes = new ArrayList<>(values.size());
        values.forEach(v -> nodes.add(Json.toNode(v)));
        return nodes;
    }
}
