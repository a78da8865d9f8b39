package io.offlinestore.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dotted field path and the two ways the engine reads it.
 *
 * <p>{@link #candidates} follows MongoDB: a segment applied to an array reaches into each
 * object element (and a numeric segment also picks that position), so {@code items.sku} over an array
 * of items yields every item's sku. A path that reaches nothing yields one missing node. The
 * filter evaluator and the index key extractor both use it, so an index always holds an entry
 * for every value a filter can match.
 *
 * <p>{@link #value} follows the path through objects only; it gives the value sorting uses.
 */
public final class FieldPath {
    private static final ConcurrentHashMap<String, FieldPath> CACHE = new ConcurrentHashMap<>();

    private final String text;
    private final String[] segments;

    private FieldPath(String text) {
        this.text = text;
        this.segments = text.split("\\.", -1);
    }

    /** The parsed path (parsed paths are cached). */
    public static FieldPath of(String path) {
        return CACHE.size() > 10_000 ? new FieldPath(path) : CACHE.computeIfAbsent(path, FieldPath::new);
    }

    /** The path as written. */
    public String text() {
        return text;
    }

    /** Every value the path reaches, arrays traversed; a single missing node when none. */
    public List<JsonNode> candidates(JsonNode root) {
        List<JsonNode> out = new ArrayList<>(1);
        collect(root, 0, out);
        if (out.isEmpty()) {
            out.add(MissingNode.getInstance());
        }
        return out;
    }

    /** Whether reaching the path went through an array (so one document has several values). */
    public boolean traversesArray(JsonNode root) {
        JsonNode current = root;
        for (String segment : segments) {
            if (current instanceof ArrayNode) {
                return true;
            }
            if (!(current instanceof ObjectNode object)) {
                return false;
            }
            current = object.get(segment);
            if (current == null) {
                return false;
            }
        }
        return false;
    }

    private void collect(JsonNode node, int depth, List<JsonNode> out) {
        if (depth == segments.length) {
            out.add(node);
            return;
        }
        String segment = segments[depth];
        if (node instanceof ObjectNode object) {
            JsonNode child = object.get(segment);
            if (child == null) {
                out.add(MissingNode.getInstance());
            } else {
                collect(child, depth + 1, out);
            }
        } else if (node instanceof ArrayNode array) {
            int position = position(segment);
            if (position >= 0 && position < array.size()) {
                collect(array.get(position), depth + 1, out);
            }
            for (JsonNode element : array) {
                if (element instanceof ObjectNode) {
                    collect(element, depth, out);
                }
            }
        }
    }

    /** The value at the path through objects only, or a missing node. */
    public JsonNode value(JsonNode root) {
        JsonNode current = root;
        for (String segment : segments) {
            if (!(current instanceof ObjectNode object)) {
                return MissingNode.getInstance();
            }
            current = object.get(segment);
            if (current == null) {
                return MissingNode.getInstance();
            }
        }
        return current;
    }

    private static int position(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return -1;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(segment);
    }

    @Override
    public String toString() {
        return text;
    }
}
