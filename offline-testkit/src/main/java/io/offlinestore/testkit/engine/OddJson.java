package io.offlinestore.testkit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.DocumentLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Random documents and filters of the kind a reliability probe throws at a store: numbers of
 * every size and type (beyond the limits too), strings with NUL, accents, emoji and unpaired
 * surrogates, empty and nested arrays, deep nesting, unknown operators and operands of the
 * wrong type. Small alphabets of field names and values make matches common.
 */
final class OddJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> FIELDS = List.of("a", "b", "c.d", "tags", "n");
    private static final List<String> PATHS = List.of("a", "b", "c", "c.d", "tags", "n", "tags.0", "x.y", "id");
    private static final List<String> WORDS = List.of("", "a", "ab", "B", "\u00e9t\u00e9", "a\u0000", "\ud83d\ude00", "$gt");
    private static final List<String> NUMBERS = List.of("0", "-0.0", "1", "1.0", "1.50", "2", "-3", "0.1",
            "9007199254740993", "12345678901234567890123", "1e400", "1e-400", "-1e999999", "1e1000001",
            "1e2147483646", "1e-1073741825", "4.9e-324", "1.7976931348623157e308");
    private static final List<String> OPERATORS = List.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin",
            "$all", "$exists", "$size", "$regex", "$elemMatch", "$not", "$options", "$gtx", "$where", "$and");

    private final Random random;

    OddJson(Random random) {
        this.random = random;
    }

    /** A document with the given id and odd values under a few shared field names. */
    ObjectNode document(int id) {
        ObjectNode doc = NODES.objectNode().put("id", id);
        for (String field : List.of("a", "b", "n", "tags", "c")) {
            if (random.nextInt(5) > 0) {
                doc.set(field, field.equals("c") ? NODES.objectNode().set("d", value(2)) : value(2));
            }
        }
        if (random.nextInt(200) == 0) {
            doc.set("deep", nested(DocumentLimits.MAX_DEPTH + random.nextInt(3) - 1));
        }
        return doc;
    }

    /** A random filter as JSON: mostly well formed, sometimes not at all. */
    String filterText() {
        String text = filter(3).toString();
        return switch (random.nextInt(40)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> "{\"a\":{\"$not\":".repeat(60) + "1" + "}}".repeat(60);
            case 2 -> "{\"a\":" + NUMBERS.get(random.nextInt(NUMBERS.size())).replace("e", "e-") + "}";
            default -> text;
        };
    }

    private JsonNode filter(int depth) {
        ObjectNode filter = NODES.objectNode();
        for (int i = random.nextInt(3); i >= 0; i--) {
            if (depth > 0 && random.nextInt(5) == 0) {
                ArrayNode operands = filter.putArray(List.of("$and", "$or", "$nor").get(random.nextInt(3)));
                for (int j = random.nextInt(3) + (random.nextInt(20) == 0 ? 0 : 1); j > 0; j--) {
                    operands.add(filter(depth - 1));
                }
            } else {
                String path = PATHS.get(random.nextInt(PATHS.size()));
                filter.set(path, random.nextInt(3) == 0 ? value(1) : operators(depth));
            }
        }
        return filter;
    }

    private JsonNode operators(int depth) {
        ObjectNode operators = NODES.objectNode();
        for (int i = random.nextInt(2); i >= 0; i--) {
            String operator = OPERATORS.get(random.nextInt(OPERATORS.size()));
            operators.set(operator, operand(operator, depth));
        }
        return operators;
    }

    private JsonNode operand(String operator, int depth) {
        boolean wrongType = random.nextInt(15) == 0;
        if (wrongType) {
            return value(1);
        }
        return switch (operator) {
            case "$in", "$nin", "$all" -> {
                ArrayNode values = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    values.add(value(1));
                }
                yield values;
            }
            case "$exists" -> NODES.booleanNode(random.nextBoolean());
            case "$size" -> NODES.numberNode(random.nextInt(4) - (random.nextInt(10) == 0 ? 2 : 0));
            case "$regex" -> NODES.textNode(List.of("^a", "b$", ".", "(", "\\d", "\u00e9").get(random.nextInt(6)));
            case "$options" -> NODES.textNode(List.of("i", "x", "q").get(random.nextInt(3)));
            case "$elemMatch" -> depth > 0 && random.nextBoolean() ? filter(depth - 1) : operators(Math.max(0, depth - 1));
            case "$not" -> operators(Math.max(0, depth - 1));
            default -> value(1);
        };
    }

    /** An odd value: a scalar of any kind, or an object or array nesting up to {@code depth} more levels. */
    JsonNode value(int depth) {
        int roll = random.nextInt(depth > 0 ? 12 : 9);
        return switch (roll) {
            case 0, 1, 2 -> number();
            case 3, 4 -> NODES.textNode(WORDS.get(random.nextInt(WORDS.size())));
            case 5 -> random.nextInt(10) == 0 ? NODES.textNode("lone \udc00 surrogate") : NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.nullNode();
            case 7 -> NODES.numberNode(random.nextInt(4));
            case 8 -> random.nextInt(30) == 0 ? NODES.numberNode(BigInteger.TWO.pow(4000)) : NODES.numberNode(random.nextDouble() * 4);
            case 9 -> NODES.objectNode().set(random.nextBoolean() ? "k" : "sku", value(depth - 1));
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(value(depth - 1));
                }
                yield array;
            }
        };
    }

    private JsonNode number() {
        String text = NUMBERS.get(random.nextInt(NUMBERS.size()));
        return random.nextInt(8) == 0 ? NODES.numberNode(Double.parseDouble(text)) : NODES.numberNode(new BigDecimal(text));
    }

    private static JsonNode nested(int levels) {
        ObjectNode root = NODES.objectNode();
        ObjectNode current = root;
        for (int i = 1; i < levels; i++) {
            current = current.putObject("d");
        }
        return root;
    }
}
