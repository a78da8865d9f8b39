package io.offlinestore.sync.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;

/**
 * One document: its collection and its id (a JSON string or integer; integers are normalised to
 * longs so {@code 7} and {@code 7L} name the same document).
 */
public record DocumentRef(String collection, JsonNode id) {

    public DocumentRef {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(id, "id");
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            id = LongNode.valueOf(id.longValue());
        } else if (!id.isTextual()) {
            throw new SyncProtocolException("document id in '" + collection + "' must be a string or an integer, got "
                    + id);
        }
    }

    /** The reference for a Java id as the store returns it (a {@code String} or a {@code Long}). */
    public static DocumentRef of(String collection, Object id) {
        if (id instanceof Number number) {
            return new DocumentRef(collection, LongNode.valueOf(number.longValue()));
        }
        return new DocumentRef(collection, TextNode.valueOf(String.valueOf(id)));
    }

    /** The id as the store takes it: a {@code String} or a {@code Long}. */
    public Object javaId() {
        return id.isTextual() ? id.textValue() : id.longValue();
    }

    /** {@code collection/id}, the id in JSON form (strings quoted). */
    @Override
    public String toString() {
        return collection + "/" + id;
    }
}
