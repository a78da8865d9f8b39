package io.offlinestore.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.QueryException;
import io.offlinestore.internal.Json;
import io.offlinestore.internal.JsonLimits;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a {@link Filter.Field} requires of the value at its path. Semantics follow MongoDB: a
 * condition on a field holding an array is met when the array itself or any element meets it
 * (except {@link Size}, {@link All} and {@link ElemMatchValue}/{@link ElemMatchDocument}, which
 * look at the array as a whole).
 */
public sealed interface Condition {

    /** The condition in MongoDB JSON form, e.g. {@code {"$gt":5}}. */
    JsonNode toJson();

    /** Equality or an order comparison ({@code $eq $ne $gt $gte $lt $lte}) with a value. */
    record Compare(Operator operator, JsonNode value) implements Condition {
        public Compare {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
            if (!(operator == Operator.EQ || operator == Operator.NE || operator.isRange())) {
                throw new IllegalArgumentException(operator.symbol() + " is not a comparison");
            }
            requireStorable(operator, List.of(value));
        }

        @Override
        public JsonNode toJson() {
            return single(operator, value);
        }
    }

    /** {@code $in}: equal to any of the values (a regex-free list). */
    record In(List<JsonNode> values) implements Condition {
        public In {
            values = List.copyOf(values);
            requireStorable(Operator.IN, values);
        }

        @Override
        public JsonNode toJson() {
            return single(Operator.IN, array(values));
        }
    }

    /** {@code $nin}: equal to none of the values. */
    record NotIn(List<JsonNode> values) implements Condition {
        public NotIn {
            values = List.copyOf(values);
            requireStorable(Operator.NIN, values);
        }

        @Override
        public JsonNode toJson() {
            return single(Operator.NIN, array(values));
        }
    }

    /** {@code $exists}: the field is present (null counts as present) or absent. */
    record Exists(boolean exists) implements Condition {
        @Override
        public JsonNode toJson() {
            return single(Operator.EXISTS, Json.MAPPER.getNodeFactory().booleanNode(exists));
        }
    }

    /**
     * {@code $regex}: a string value the pattern finds a match in; options are MongoDB's
     * {@code i m s x}.
     */
    record Regex(String pattern, String options) implements Condition {
        public Regex {
            Objects.requireNonNull(pattern, "pattern");
            options = options == null ? "" : options;
            for (char c : options.toCharArray()) {
                if ("imsx".indexOf(c) < 0) {
                    throw new QueryException("$options", "unknown regex option '" + c + "' (allowed: i, m, s, x)");
                }
            }
            try {
                Pattern.compile(pattern, flags(options));
            } catch (PatternSyntaxException e) {
                throw new QueryException("$regex", "invalid regular expression '" + pattern + "': " + e.getDescription());
            }
        }

        /** The compiled pattern. */
        public Pattern compile() {
            return Pattern.compile(pattern, flags(options));
        }

        private static int flags(String options) {
            int flags = 0;
            for (char c : options.toCharArray()) {
                flags |= switch (c) {
                    case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                    case 'm' -> Pattern.MULTILINE;
                    case 's' -> Pattern.DOTALL;
                    case 'x' -> Pattern.COMMENTS;
                    default -> 0;
                };
            }
            return flags;
        }

        @Override
        public JsonNode toJson() {
            ObjectNode node = Json.MAPPER.createObjectNode().put(Operator.REGEX.symbol(), pattern);
            if (!options.isEmpty()) {
                node.put(Operator.OPTIONS.symbol(), options);
            }
            return node;
        }
    }

    /** {@code $size}: an array with exactly this many elements. */
    record Size(int size) implements Condition {
        public Size {
            if (size < 0) {
                throw new QueryException("$size", "size must be a non-negative integer, got " + size);
            }
        }

        @Override
        public JsonNode toJson() {
            return single(Operator.SIZE, Json.MAPPER.getNodeFactory().numberNode(size));
        }
    }

    /** {@code $all}: an array holding every one of the values. */
    record All(List<JsonNode> values) implements Condition {
        public All {
            values = List.copyOf(values);
            requireStorable(Operator.ALL, values);
        }

        @Override
        public JsonNode toJson() {
            return single(Operator.ALL, array(values));
        }
    }

    /** {@code $elemMatch} with operators: an array with an element that meets the condition. */
    record ElemMatchValue(Condition condition) implements Condition {
        public ElemMatchValue {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public JsonNode toJson() {
            return single(Operator.ELEM_MATCH, condition.toJson());
        }
    }

    /** {@code $elemMatch} with a filter: an array with an object element that matches it. */
    record ElemMatchDocument(Filter filter) implements Condition {
        public ElemMatchDocument {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public JsonNode toJson() {
            return single(Operator.ELEM_MATCH, filter.toJson());
        }
    }

    /** {@code $not}: the inner condition is not met (a missing field therefore matches). */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public JsonNode toJson() {
            return single(Operator.NOT, condition.toJson());
        }
    }

    /** Several operators on one field, all of which must hold: {@code {"$gt":1,"$lt":9}}. */
    record AllOf(List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("AllOf needs at least one condition");
            }
        }

        @Override
        public JsonNode toJson() {
            ObjectNode node = Json.MAPPER.createObjectNode();
            conditions.forEach(c -> node.setAll((ObjectNode) c.toJson()));
            return node;
        }
    }

    /**
     * Refuses an operand no stored value could equal because it is beyond
     * {@link io.offlinestore.DocumentLimits} (a number out of range, a too-deep value): it would
     * otherwise fail deep inside the engine.
     */
    private static void requireStorable(Operator operator, List<JsonNode> operands) {
        for (JsonNode operand : operands) {
            String violation = JsonLimits.violation(Objects.requireNonNull(operand, "operand"));
            if (violation != null) {
                throw new QueryException(operator.symbol(), "operand out of range: " + violation);
            }
        }
    }

    private static JsonNode single(Operator operator, JsonNode operand) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set(operator.symbol(), operand);
        return node;
    }

    private static ArrayNode array(List<JsonNode> values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
