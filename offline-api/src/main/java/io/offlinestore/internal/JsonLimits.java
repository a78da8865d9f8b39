package io.offlinestore.internal;

import static io.offlinestore.DocumentLimits.MAX_DECIMAL_SCALE;
import static io.offlinestore.DocumentLimits.MAX_DEPTH;
import static io.offlinestore.DocumentLimits.MAX_FIELD_NAME_LENGTH;
import static io.offlinestore.DocumentLimits.MAX_NUMBER_DIGITS;
import static io.offlinestore.DocumentLimits.MAX_STRING_LENGTH;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Checks JSON trees and Java values against {@link io.offlinestore.DocumentLimits} without
 * recursion, so a value nested far too deep is reported instead of overflowing the stack. Each
 * check returns a description of the first violation, naming its dotted path, or null.
 */
public final class JsonLimits {
    private JsonLimits() {
    }

    /** A node still to visit, with its dotted path and nesting level. */
    private record Pending(Object value, String path, int depth) {
    }

    /**
     * The first thing in the tree that cannot be stored exactly: nesting too deep, a field name
     * or string too long or holding an unpaired surrogate, a number with too many digits or too
     * large a scale.
     */
    public static String violation(JsonNode tree) {
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(tree, "", 1));
        while (!stack.isEmpty()) {
            Pending next = stack.pop();
            JsonNode node = (JsonNode) next.value();
            String problem = scalarViolation(node);
            if (problem != null) {
                return at(next.path()) + problem;
            }
            if (node.isContainerNode() && next.depth() > MAX_DEPTH) {
                return at(next.path()) + "nested deeper than " + MAX_DEPTH + " levels";
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    String name = field.getKey();
                    String path = join(next.path(), name.length() > 40 ? name.substring(0, 40) + "..." : name);
                    if (name.length() > MAX_FIELD_NAME_LENGTH) {
                        return "field name at '" + path + "' is " + name.length() + " chars long, more than "
                                + MAX_FIELD_NAME_LENGTH;
                    }
                    if (unpairedSurrogate(name) >= 0) {
                        return "field name at '" + path + "' holds an unpaired UTF-16 surrogate at index "
                                + unpairedSurrogate(name);
                    }
                    stack.push(new Pending(field.getValue(), path, next.depth() + 1));
                }
            } else if (node.isArray()) {
                for (int i = node.size() - 1; i >= 0; i--) {
                    stack.push(new Pending(node.get(i), join(next.path(), Integer.toString(i)), next.depth() + 1));
                }
            }
        }
        return null;
    }

    /**
     * Whether a Java value (maps, collections, arrays and JSON trees, as {@code Document.of}
     * takes them) nests deeper than the limit; returns the violation or null. Other values are
     * leaves.
     */
    public static String depthViolation(Object value) {
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(value, "", 1));
        while (!stack.isEmpty()) {
            Pending next = stack.pop();
            Collection<?> children = children(next.value());
            if (children == null) {
                continue;
            }
            if (next.depth() > MAX_DEPTH) {
                return "value nested deeper than " + MAX_DEPTH + " levels";
            }
            for (Object child : children) {
                stack.push(new Pending(child, "", next.depth() + 1));
            }
        }
        return null;
    }

    private static Collection<?> children(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values();
        }
        if (value instanceof Collection<?> collection) {
            return collection;
        }
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof JsonNode node && node.isContainerNode()) {
            List<JsonNode> nodes = new ArrayList<>(node.size());
            node.elements().forEachRemaining(nodes::add);
            return nodes;
        }
        return null;
    }

    private static String scalarViolation(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.length() > MAX_STRING_LENGTH) {
                return "string of " + text.length() + " chars is longer than " + MAX_STRING_LENGTH;
            }
            int surrogate = unpairedSurrogate(text);
            if (surrogate >= 0) {
                return "string holds an unpaired UTF-16 surrogate at index " + surrogate;
            }
        } else if (node.isBigInteger() || node.isBigDecimal()) {
            return numberViolation(node.decimalValue());
        }
        return null;
    }

    /** Why a number cannot be stored exactly, or null when it can. */
    public static String numberViolation(BigDecimal value) {
        if (Math.abs((long) value.scale()) > MAX_DECIMAL_SCALE) {
            return "number " + value + " has a decimal scale of " + value.scale() + ", beyond ±" + MAX_DECIMAL_SCALE;
        }
        if (value.precision() > MAX_NUMBER_DIGITS) {
            return "number has " + value.precision() + " digits, more than " + MAX_NUMBER_DIGITS;
        }
        return null;
    }

    /** The index of the first unpaired surrogate in the text, or -1. */
    private static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : "field '" + path + "': ";
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
