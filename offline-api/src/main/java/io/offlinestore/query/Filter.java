package io.offlinestore.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A filter over documents: the one syntax tree reached from MongoDB-style JSON
 * ({@link Filters#parse}), the fluent builder ({@link Filters#where}) and the CLI. Filters are
 * immutable values; {@code toString()} gives their canonical JSON.
 */
public sealed interface Filter {

    /** The filter in MongoDB JSON form. */
    JsonNode toJson();

    /** A filter that both this and {@code other} must match. */
    default Filter and(Filter other) {
        return Filters.and(this, other);
    }

    /** A filter that this or {@code other} must match. */
    default Filter or(Filter other) {
        return Filters.or(this, other);
    }

    /** Matches every document. */
    record MatchAll() implements Filter {
        @Override
        public JsonNode toJson() {
            return Json.MAPPER.createObjectNode();
        }

        @Override
        public String toString() {
            return "{}";
        }
    }

    /** {@code $and}: every operand matches. */
    record And(List<Filter> operands) implements Filter {
        public And {
            operands = requireOperands(operands, Operator.AND);
        }

        @Override
        public JsonNode toJson() {
            return logical(Operator.AND, operands);
        }

        @Override
        public String toString() {
            return Json.write(toJson());
        }
    }

    /** {@code $or}: at least one operand matches. */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = requireOperands(operands, Operator.OR);
        }

        @Override
        public JsonNode toJson() {
            return logical(Operator.OR, operands);
        }

        @Override
        public String toString() {
            return Json.write(toJson());
        }
    }

    /** {@code $nor}: no operand matches. */
    record Nor(List<Filter> operands) implements Filter {
        public Nor {
            operands = requireOperands(operands, Operator.NOR);
        }

        @Override
        public JsonNode toJson() {
            return logical(Operator.NOR, operands);
        }

        @Override
        public String toString() {
            return Json.write(toJson());
        }
    }

    /** A condition on the value at a dotted field path. */
    record Field(String path, Condition condition) implements Filter {
        public Field {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public JsonNode toJson() {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.set(path, condition.toJson());
            return node;
        }

        @Override
        public String toString() {
            return Json.write(toJson());
        }
    }

    private static List<Filter> requireOperands(List<Filter> operands, Operator operator) {
        if (operands == null || operands.isEmpty()) {
            throw new IllegalArgumentException(operator.symbol() + " needs at least one filter");
        }
        List<Filter> copy = new ArrayList<>(operands.size());
        for (Filter operand : operands) {
            copy.add(Objects.requireNonNull(operand, "filter"));
        }
        return List.copyOf(copy);
    }

    private static JsonNode logical(Operator operator, List<Filter> operands) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode array = node.putArray(operator.symbol());
        operands.forEach(f -> array.add(f.toJson()));
        return node;
    }
}
