package io.offlinestore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.internal.Json;
import io.offlinestore.internal.JsonLimits;
import io.offlinestore.internal.access.DocumentTrees;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable JSON document: a tree of objects, arrays and scalar values. Getters take dotted
 * paths into nested objects ({@code getString("address.city")}); {@link #with} and
 * {@link #without} return changed copies. A document's id is the value of its collection's
 * key-path field ({@code id} unless the schema says otherwise).
 */
public final class Document {
    /** The key path documents use when none is known. */
    public static final String DEFAULT_KEY_PATH = "id";

    static {
        DocumentTrees.install(new TreeAccess());
    }

    private final ObjectNode tree;
    private final String keyPath;

    private Document(ObjectNode tree, String keyPath) {
        this.tree = tree;
        this.keyPath = keyPath;
    }

    /**
     * Parses a JSON object.
     *
     * @throws InvalidDocumentException if the text is not valid JSON or not an object
     */
    public static Document parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException("document is not valid JSON: " + e.getOriginalMessage()
                    + location(e), e);
        }
        requireObject(node);
        requireDepth(JsonLimits.depthViolation(node));
        return new Document((ObjectNode) node, DEFAULT_KEY_PATH);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** A document with the given fields; values are converted as Jackson converts them. */
    public static Document of(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        requireDepth(JsonLimits.depthViolation(fields));
        return of(Json.toNode(fields));
    }

    /**
     * A document over a copy of the given tree.
     *
     * @throws InvalidDocumentException if the tree is not a JSON object
     */
    public static Document of(JsonNode tree) {
        requireObject(tree);
        requireDepth(JsonLimits.depthViolation(tree));
        return new Document(((ObjectNode) tree).deepCopy(), DEFAULT_KEY_PATH);
    }

    private static void requireObject(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidDocumentException("a document must be a JSON object, got "
                    + (tree == null ? "null" : tree.getNodeType().toString().toLowerCase()));
        }
    }

    private static void requireDepth(String violation) {
        if (violation != null) {
            throw new InvalidDocumentException("document " + violation + " (see DocumentLimits)");
        }
    }

    /** An empty document. */
    public static Document empty() {
        return new Document(Json.MAPPER.createObjectNode(), DEFAULT_KEY_PATH);
    }

    /**
     * This document, read as belonging to a collection whose key path is {@code keyPath}. The
     * tree is shared, not copied: documents never change.
     */
    public Document withKeyPath(String keyPath) {
        Objects.requireNonNull(keyPath, "keyPath");
        return keyPath.equals(this.keyPath) ? this : new Document(tree, keyPath);
    }

    /** The key path {@link #id()} reads. */
    public String keyPath() {
        return keyPath;
    }

    /**
     * The document id: the value at the key path, as a {@code String} or a {@code Long}; null
     * when the document has none.
     *
     * @throws InvalidDocumentException if the id is neither a string nor an integral number
     */
    public Object id() {
        JsonNode node = node(keyPath);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber() && (!node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()))
                && isWhole(node.decimalValue())) {
            return node.decimalValue().longValueExact();
        }
        throw new InvalidDocumentException("document id at '" + keyPath
                + "' must be a string or an integer, got " + Json.write(node));
    }

    private static boolean isWhole(BigDecimal value) {
        try {
            value.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** Whether a value (null included) exists at the dotted path. */
    public boolean has(String path) {
        return node(path) != null;
    }

    /** The value at the path as a Java object (String, Number, Boolean, Map, List), or null. */
    public Object get(String path) {
        JsonNode node = node(path);
        return node == null || node.isNull() ? null : Json.MAPPER.convertValue(node, Object.class);
    }

    /** The text at the path, or null when absent; non-text scalars are rendered as text. */
    public String getString(String path) {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : Json.write(node);
    }

    /** The number at the path as a long, or null when absent or not a number. */
    public Long getLong(String path) {
        JsonNode node = node(path);
        return node != null && node.isNumber() ? node.longValue() : null;
    }

    /** The number at the path as an int, or null when absent or not a number. */
    public Integer getInteger(String path) {
        JsonNode node = node(path);
        return node != null && node.isNumber() ? node.intValue() : null;
    }

    /** The number at the path as a double, or null when absent or not a number. */
    public Double getDouble(String path) {
        JsonNode node = node(path);
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }

    /** The exact number at the path, or null when absent or not a number. */
    public BigDecimal getDecimal(String path) {
        JsonNode node = node(path);
        return node != null && node.isNumber() ? node.decimalValue() : null;
    }

    /** The boolean at the path, or null when absent or not a boolean. */
    public Boolean getBoolean(String path) {
        JsonNode node = node(path);
        return node != null && node.isBoolean() ? node.booleanValue() : null;
    }

    /** The nested object at the path as a document, or empty when absent or not an object. */
    public Optional<Document> getDocument(String path) {
        JsonNode node = node(path);
        return node != null && node.isObject()
                ? Optional.of(new Document((ObjectNode) node, DEFAULT_KEY_PATH)) : Optional.empty();
    }

    /** The array at the path as Java values, or an empty list when absent or not an array. */
    public List<Object> getList(String path) {
        JsonNode node = node(path);
        List<Object> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> values.add(Json.MAPPER.convertValue(element, Object.class)));
        }
        return values;
    }

    /** The value at the dotted path as a tree (a copy), or null when absent. */
    public JsonNode getNode(String path) {
        JsonNode node = node(path);
        return node == null ? null : node.deepCopy();
    }

    private JsonNode node(String path) {
        JsonNode current = tree;
        for (String segment : path.split("\\.", -1)) {
            if (current instanceof ObjectNode object) {
                current = object.get(segment);
            } else if (current instanceof ArrayNode array && isIndex(segment)) {
                current = array.get(Integer.parseInt(segment));
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() < 10 && segment.chars().allMatch(Character::isDigit);
    }

    /**
     * A copy with {@code value} set at the dotted path; missing intermediate objects are created.
     *
     * @throws InvalidDocumentException if an intermediate path element is not an object
     */
    public Document with(String path, Object value) {
        ObjectNode copy = tree.deepCopy();
        String[] segments = path.split("\\.", -1);
        ObjectNode parent = copy;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = parent.get(segments[i]);
            if (child == null || child.isNull()) {
                parent = parent.putObject(segments[i]);
            } else if (child instanceof ObjectNode object) {
                parent = object;
            } else {
                throw new InvalidDocumentException("cannot set '" + path + "': '" + segments[i] + "' is not an object");
            }
        }
        requireDepth(JsonLimits.depthViolation(value));
        parent.set(segments[segments.length - 1], Json.toNode(value));
        return new Document(copy, keyPath);
    }

    /** A copy without the value at the dotted path (unchanged if there was none). */
    public Document without(String path) {
        ObjectNode copy = tree.deepCopy();
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? copy : new Document(copy, keyPath).node(path.substring(0, dot));
        if (parent instanceof ObjectNode object) {
            object.remove(path.substring(dot + 1));
        }
        return new Document(copy, keyPath);
    }

    /** The top-level field names in document order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A deep copy of the tree. */
    public ObjectNode toJsonNode() {
        return tree.deepCopy();
    }

    /** The document as Java maps, lists and scalars. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return Json.MAPPER.convertValue(tree, Map.class);
    }

    /** Compact JSON text. */
    public String toJson() {
        return Json.write(tree);
    }

    /** Indented JSON text, for people. */
    public String toPrettyJson() {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Documents are equal when their trees are equal; the key path is not compared. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Document doc && tree.equals(doc.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** The engine's zero-copy passage to documents' trees (see {@link DocumentTrees}). */
    private static final class TreeAccess implements DocumentTrees.Access {
        @Override
        public Document adopt(ObjectNode tree) {
            return new Document(tree, DEFAULT_KEY_PATH);
        }

        @Override
        public ObjectNode tree(Document document) {
            return document.tree;
        }
    }
}
