package io.offlinestore.query.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.DocumentLimits;
import io.offlinestore.QueryException;
import io.offlinestore.internal.Json;
import io.offlinestore.internal.JsonLimits;
import io.offlinestore.query.Condition;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Operator;
import io.offlinestore.query.Query;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the MongoDB-style JSON forms of filters and queries into the filter tree. Every error
 * is a {@link QueryException} whose clause is the dotted path to the offending part, such as
 * {@code filters.age.$in}.
 */
public final class FilterParser {
    private static final Set<String> QUERY_KEYS = Set.of("filters", "filter", "sort", "limit", "offset", "include");

    private FilterParser() {
    }

    /** Parses a whole query object. */
    public static Query parseQuery(String json) {
        JsonNode root = read(json, "query");
        if (!root.isObject()) {
            throw new QueryException("", "a query must be a JSON object, got " + kind(root));
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!QUERY_KEYS.contains(name)) {
                throw new QueryException(name, "unknown query key '" + name + "' (expected filters, sort, limit, offset, include)");
            }
        }
        if (root.has("filters") && root.has("filter")) {
            throw new QueryException("filter", "give either 'filters' or 'filter', not both");
        }
        String filterKey = root.has("filter") ? "filter" : "filters";
        Query query = Query.filter(root.has(filterKey) ? filter(root.get(filterKey), filterKey) : Filters.all());
        JsonNode sort = root.get("sort");
        if (sort != null && !sort.isNull()) {
            query = sort(query, sort);
        }
        if (root.has("offset") && !root.get("offset").isNull()) {
            query = query.offset(nonNegativeInt(root.get("offset"), "offset"));
        }
        if (root.has("limit") && !root.get("limit").isNull()) {
            query = query.limit(nonNegativeInt(root.get("limit"), "limit"));
        }
        JsonNode include = root.get("include");
        if (include != null && !include.isNull()) {
            if (!include.isArray()) {
                throw new QueryException("include", "include needs an array of relationship names, got " + kind(include));
            }
            for (int i = 0; i < include.size(); i++) {
                if (!include.get(i).isTextual()) {
                    throw new QueryException("include[" + i + "]", "a relationship name must be a string, got "
                            + Json.write(include.get(i)));
                }
                query = query.include(checkPath(include.get(i).textValue(), "include[" + i + "]"));
            }
        }
        return query;
    }

    /** Parses a filter object. */
    public static Filter parseFilter(String json) {
        return filter(read(json, "filter"), "");
    }

    /**
     * Parses a filter from a tree; {@code clause} is where it sits in the enclosing query. A
     * filter may nest at most {@link DocumentLimits#MAX_DEPTH} levels, counted as JSON.
     */
    public static Filter filter(JsonNode node, String clause) {
        String tooDeep = JsonLimits.depthViolation(node);
        if (tooDeep != null) {
            throw new QueryException(clause, "filter " + tooDeep);
        }
        return parse(node, clause);
    }

    private static Filter parse(JsonNode node, String clause) {
        if (!node.isObject()) {
            throw new QueryException(clause, "a filter must be a JSON object, got " + kind(node));
        }
        List<Filter> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            String here = join(clause, key);
            if (key.startsWith("$")) {
                parts.add(logical(key, entry.getValue(), here));
            } else {
                checkPath(key, here);
                parts.add(new Filter.Field(key, fieldCondition(entry.getValue(), here)));
            }
        }
        return parts.isEmpty() ? Filters.all() : parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private static Filter logical(String key, JsonNode value, String clause) {
        Operator operator = Operator.bySymbol(key)
                .filter(Operator::isLogical)
                .orElseThrow(() -> new QueryException(clause, "unknown top-level operator '" + key
                        + "' (expected $and, $or, $nor, or a field name)"));
        if (!value.isArray() || value.isEmpty()) {
            throw new QueryException(clause, key + " needs a non-empty array of filters, got " + kind(value));
        }
        List<Filter> operands = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            operands.add(parse(value.get(i), clause + "[" + i + "]"));
        }
        return switch (operator) {
            case AND -> new Filter.And(operands);
            case OR -> new Filter.Or(operands);
            default -> new Filter.Nor(operands);
        };
    }

    private static Condition fieldCondition(JsonNode value, String clause) {
        if (isOperatorObject(value, clause)) {
            return operators(value, clause);
        }
        return new Condition.Compare(Operator.EQ, value);
    }

    /** An object whose keys are operators; mixing operators with plain keys is an error. */
    private static boolean isOperatorObject(JsonNode value, String clause) {
        if (!value.isObject() || value.isEmpty()) {
            return false;
        }
        boolean first = value.fieldNames().next().startsWith("$");
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith("$") != first) {
                throw new QueryException(clause, "cannot mix operators and field names in one object: '" + name + "'");
            }
        }
        return first;
    }

    private static Condition operators(JsonNode value, String clause) {
        List<Condition> conditions = new ArrayList<>();
        JsonNode options = value.get(Operator.OPTIONS.symbol());
        if (options != null && !value.has(Operator.REGEX.symbol())) {
            throw new QueryException(join(clause, "$options"), "$options needs a $regex beside it");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getKey().equals(Operator.OPTIONS.symbol())) {
                continue;
            }
            conditions.add(operator(entry.getKey(), entry.getValue(), options, join(clause, entry.getKey())));
        }
        return conditions.size() == 1 ? conditions.get(0) : new Condition.AllOf(conditions);
    }

    private static Condition operator(String name, JsonNode operand, JsonNode options, String clause) {
        Operator operator = Operator.bySymbol(name)
                .filter(op -> !op.isLogical())
                .orElseThrow(() -> new QueryException(clause, "unknown operator '" + name + "'"));
        try {
            return condition(operator, name, operand, options, clause);
        } catch (QueryException e) {
            throw e.clause().equals(name) ? new QueryException(clause, e.reason()) : e;
        }
    }

    private static Condition condition(Operator operator, String name, JsonNode operand, JsonNode options,
                                       String clause) {
        return switch (operator) {
            case EQ, NE, GT, GTE, LT, LTE -> new Condition.Compare(operator, operand);
            case IN -> new Condition.In(array(operand, clause));
            case NIN -> new Condition.NotIn(array(operand, clause));
            case ALL -> new Condition.All(array(operand, clause));
            case EXISTS -> new Condition.Exists(truthy(operand, clause));
            case SIZE -> new Condition.Size(nonNegativeInt(operand, clause));
            case REGEX -> regex(operand, options, clause);
            case ELEM_MATCH -> elemMatch(operand, clause);
            case NOT -> not(operand, clause);
            default -> throw new QueryException(clause, "operator '" + name + "' is not allowed here");
        };
    }

    private static Condition regex(JsonNode operand, JsonNode options, String clause) {
        if (!operand.isTextual()) {
            throw new QueryException(clause, "$regex needs a string pattern, got " + kind(operand));
        }
        if (options != null && !options.isTextual()) {
            throw new QueryException(clause.replace("$regex", "$options"), "$options needs a string, got " + kind(options));
        }
        try {
            return new Condition.Regex(operand.textValue(), options == null ? "" : options.textValue());
        } catch (QueryException e) {
            throw new QueryException(clause, e.reason());
        }
    }

    private static Condition elemMatch(JsonNode operand, String clause) {
        if (!operand.isObject() || operand.isEmpty()) {
            throw new QueryException(clause, "$elemMatch needs a non-empty object, got " + kind(operand));
        }
        if (isOperatorObject(operand, clause) && !allLogical(operand)) {
            return new Condition.ElemMatchValue(operators(operand, clause));
        }
        return new Condition.ElemMatchDocument(parse(operand, clause));
    }

    /** Whether every key of the object is {@code $and}, {@code $or} or {@code $nor}. */
    private static boolean allLogical(JsonNode object) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            if (Operator.bySymbol(it.next()).filter(Operator::isLogical).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Condition not(JsonNode operand, String clause) {
        if (!operand.isObject() || operand.isEmpty() || !isOperatorObject(operand, clause)) {
            throw new QueryException(clause, "$not needs an object of operators such as {\"$gt\": 5}, got "
                    + Json.write(operand));
        }
        return new Condition.Not(operators(operand, clause));
    }

    private static List<JsonNode> array(JsonNode operand, String clause) {
        if (!operand.isArray()) {
            throw new QueryException(clause, clause.substring(clause.lastIndexOf('.') + 1)
                    + " needs an array, got " + kind(operand));
        }
        List<JsonNode> values = new ArrayList<>();
        operand.forEach(values::add);
        return values;
    }

    private static boolean truthy(JsonNode operand, String clause) {
        if (operand.isBoolean()) {
            return operand.booleanValue();
        }
        if (operand.isNumber()) {
            return operand.decimalValue().signum() != 0;
        }
        throw new QueryException(clause, "$exists needs true or false, got " + kind(operand));
    }

    private static int nonNegativeInt(JsonNode operand, String clause) {
        if (!operand.isIntegralNumber() || !operand.canConvertToInt() || operand.intValue() < 0) {
            throw new QueryException(clause, "expected a non-negative integer, got " + Json.write(operand));
        }
        return operand.intValue();
    }

    private static Query sort(Query query, JsonNode sort) {
        if (!sort.isArray()) {
            throw new QueryException("sort", "sort needs an array of {\"field\":...,\"direction\":...}, got " + kind(sort));
        }
        for (int i = 0; i < sort.size(); i++) {
            JsonNode key = sort.get(i);
            String clause = "sort[" + i + "]";
            if (key.isTextual()) {
                query = query.sort(checkPath(key.textValue(), clause), Direction.ASC);
                continue;
            }
            if (!key.isObject() || !key.path("field").isTextual()) {
                throw new QueryException(clause, "a sort key needs a string 'field', got " + Json.write(key));
            }
            JsonNode direction = key.get("direction");
            Direction dir;
            try {
                dir = direction == null ? Direction.ASC : Direction.parse(direction.asText());
            } catch (IllegalArgumentException e) {
                throw new QueryException(clause + ".direction", e.getMessage());
            }
            query = query.sort(checkPath(key.get("field").textValue(), clause + ".field"), dir);
        }
        return query;
    }

    /**
     * Checks a dotted field path: non-empty segments, none starting with {@code $}.
     *
     * @return the path
     */
    public static String checkPath(String path, String clause) {
        if (path == null || path.isEmpty()) {
            throw new QueryException(clause, "field path must not be empty");
        }
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new QueryException(clause, "field path '" + path + "' has an empty segment");
            }
            if (segment.startsWith("$")) {
                throw new QueryException(clause, "unknown operator '" + segment + "' where a field name was expected");
            }
        }
        return path;
    }

    private static JsonNode read(String json, String what) {
        if (json == null) {
            throw new QueryException("", what + " text must not be null");
        }
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new QueryException("", what + " is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static String join(String clause, String key) {
        return clause.isEmpty() ? key : clause + "." + key;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase() + " " + Json.write(node);
    }
}
