package io.offlinestore.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.protocol.SyncProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A pull scope's filter, compiled once: equality, {@code $eq $ne $gt $gte $lt $lte $in $nin
 * $exists} on dotted paths, and {@code $and}. Numbers compare by value, strings by code point;
 * a range over values of different kinds never matches. Anything else is refused with the
 * offending clause, so a scope never silently matches more or less than asked.
 */
final class ScopeFilter {
    private final Predicate<ObjectNode> predicate;

    private ScopeFilter(Predicate<ObjectNode> predicate) {
        this.predicate = predicate;
    }

    /**
     * Compiles a filter (null matches everything).
     *
     * @throws SyncProtocolException naming the unsupported clause
     */
    static ScopeFilter compile(ObjectNode filter) {
        return new ScopeFilter(filter == null ? doc -> true : object(filter));
    }

    boolean matches(ObjectNode document) {
        return document != null && predicate.test(document);
    }

    private static Predicate<ObjectNode> object(JsonNode filter) {
        List<Predicate<ObjectNode>> all = new ArrayList<>();
        for (Map.Entry<String, JsonNode> clause : filter.properties()) {
            if (clause.getKey().equals("$and") && clause.getValue().isArray()) {
                clause.getValue().forEach(operand -> all.add(object(operand)));
            } else if (clause.getKey().startsWith("$")) {
                throw unsupported(clause.getKey(), clause.getValue());
            } else {
                all.add(field(clause.getKey(), clause.getValue()));
            }
        }
        return doc -> all.stream().allMatch(p -> p.test(doc));
    }

    private static Predicate<ObjectNode> field(String path, JsonNode condition) {
        boolean operators = condition.isObject() && condition.size() > 0
                && condition.fieldNames().next().startsWith("$");
        if (!operators) {
            return doc -> equal(at(doc, path), condition);
        }
        List<Predicate<JsonNode>> tests = new ArrayList<>();
        condition.properties().forEach(op -> tests.add(operator(path, op.getKey(), op.getValue())));
        return doc -> {
            JsonNode value = at(doc, path);
            return tests.stream().allMatch(t -> t.test(value));
        };
    }

    private static Predicate<JsonNode> operator(String path, String operator, JsonNode operand) {
        return switch (operator) {
            case "$eq" -> v -> equal(v, operand);
            case "$ne" -> v -> !equal(v, operand);
            case "$gt" -> v -> compare(v, operand) > 0;
            case "$gte" -> v -> compare(v, operand) >= 0;
            case "$lt" -> v -> compare(v, operand) < 0 && compare(v, operand) != Integer.MIN_VALUE;
            case "$lte" -> v -> compare(v, operand) <= 0 && compare(v, operand) != Integer.MIN_VALUE;
            case "$in" -> v -> anyEqual(v, operand, path, operator);
            case "$nin" -> v -> !anyEqual(v, operand, path, operator);
            case "$exists" -> v -> (v != null) == operand.asBoolean();
            default -> throw unsupported(path + "." + operator, operand);
        };
    }

    private static boolean anyEqual(JsonNode value, JsonNode operand, String path, String operator) {
        if (!operand.isArray()) {
            throw unsupported(path + "." + operator, operand);
        }
        for (JsonNode candidate : operand) {
            if (equal(value, candidate)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode at(ObjectNode doc, String path) {
        JsonNode current = doc;
        for (String segment : path.split("\\.")) {
            current = current == null ? null : current.get(segment);
        }
        return current;
    }

    private static boolean equal(JsonNode value, JsonNode expected) {
        if (value == null) {
            return expected.isNull();
        }
        if (value.isNumber() && expected.isNumber()) {
            return value.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return value.equals(expected);
    }

    /** The order of two values of one kind, or {@link Integer#MIN_VALUE} when they cannot be ordered. */
    private static int compare(JsonNode value, JsonNode bound) {
        if (value == null) {
            return Integer.MIN_VALUE;
        }
        if (value.isNumber() && bound.isNumber()) {
            return value.decimalValue().compareTo(bound.decimalValue());
        }
        if (value.isTextual() && bound.isTextual()) {
            return Integer.signum(value.textValue().compareTo(bound.textValue()));
        }
        return Integer.MIN_VALUE;
    }

    private static SyncProtocolException unsupported(String clause, JsonNode operand) {
        return new SyncProtocolException("scope filter clause '" + clause + "': " + operand
                + " is not supported in a sync scope (use equality, $eq $ne $gt $gte $lt $lte $in $nin $exists, $and)");
    }
}
