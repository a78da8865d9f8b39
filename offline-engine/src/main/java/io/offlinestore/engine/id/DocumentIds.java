package io.offlinestore.engine.id;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.query.FieldPath;
import io.offlinestore.engine.codec.EngineJson;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Document ids: strings or integers that fit a long, normalised so that equal ids encode to the
 * same key whatever Java type they arrived as.
 */
public final class DocumentIds {
    private DocumentIds() {
    }

    /** The id a caller passed, as a JSON node. */
    public static JsonNode fromJava(Object id, String collection) {
        if (id instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (id instanceof Long || id instanceof Integer || id instanceof Short || id instanceof Byte) {
            return LongNode.valueOf(((Number) id).longValue());
        }
        if (id instanceof BigInteger || id instanceof BigDecimal) {
            return fromNode(EngineJson.toNode(id), collection, "id");
        }
        if (id instanceof JsonNode node) {
            return fromNode(node, collection, "id");
        }
        throw new InvalidDocumentException("collection '" + collection + "': an id must be a string or an integer, got "
                + (id == null ? "null" : id.getClass().getSimpleName() + " " + id));
    }

    /**
     * The id a caller passed, as users see it (a String or a Long): the same object for those,
     * without building its JSON node.
     */
    public static Object normalize(Object id, String collection) {
        return id instanceof String || id instanceof Long ? id : toJava(fromJava(id, collection));
    }

    /** The id stored in a document body at the key path; null when the body has none. */
    public static JsonNode fromBody(JsonNode body, String keyPath, String collection) {
        JsonNode node = FieldPath.of(keyPath).value(body);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return fromNode(node, collection, keyPath);
    }

    private static JsonNode fromNode(JsonNode node, String collection, String field) {
        if (node.isTextual()) {
            return node;
        }
        if (node.isNumber()) {
            try {
                return LongNode.valueOf(node.decimalValue().longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                // not a whole number, or NaN or an infinity: falls through to the error below
            }
        }
        throw new InvalidDocumentException("collection '" + collection + "': id field '" + field
                + "' must be a string or an integer that fits 64 bits, got " + EngineJson.write(node));
    }

    /** The key of a document in its collection's keyspace. */
    public static byte[] encode(JsonNode id, String collection) {
        try {
            return KeyCodec.encode(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentException("collection '" + collection + "': id " + EngineJson.write(id)
                    + " cannot be stored: " + e.getMessage(), e);
        }
    }

    /** The id as users see it: a String or a Long. */
    public static Object toJava(JsonNode id) {
        return id.isTextual() ? id.textValue() : (Object) id.longValue();
    }

    /** The id quoted for messages. */
    public static String describe(JsonNode id) {
        return EngineJson.write(id);
    }
}
