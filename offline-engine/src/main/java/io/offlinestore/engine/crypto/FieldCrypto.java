package io.offlinestore.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.DecryptionException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.QueryException;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.query.Condition;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Operator;
import io.offlinestore.query.Query;
import io.offlinestore.query.SortKey;
import io.offlinestore.spi.FieldCipher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals and opens a store's encrypted fields. A value is sealed whole (an array or object as one
 * value; {@code null} stays visible) as its JSON text. Randomized sealing binds the ciphertext to
 * store, collection, document id and field path; deterministic sealing to store, collection and
 * path only, so that equal values seal equal and filters can be rewritten to match ciphertexts.
 */
public final class FieldCrypto {
    private final String storeId;
    /** Parts of associated data, by kind and collection or path (see {@link #randomizedData}). */
    private final Map<String, byte[]> associatedData = new ConcurrentHashMap<>();
    private volatile FieldCipher cipher;

    public FieldCrypto(byte[] storeId, FieldCipher cipher) {
        this.storeId = HexFormat.of().formatHex(storeId);
        this.cipher = cipher;
    }

    /** The cipher in use. */
    public FieldCipher cipher() {
        return cipher;
    }

    /** Switches to another cipher (after a rotation whose keyset has been stored). */
    public void use(FieldCipher next) {
        this.cipher = next;
    }

    /**
     * The body with every encrypted field sealed (the body itself when there is none), copied as
     * {@link #open} copies it: the body is left as it is.
     */
    public ObjectNode seal(String collection, EncryptedFields fields, JsonNode id, ObjectNode body) {
        if (fields.isEmpty()) {
            return body;
        }
        ObjectNode copy = null;
        for (String path : fields.all()) {
            refuseArrays(collection, path, body);
            ObjectNode parent = parent(copy == null ? body : copy, path);
            String name = last(path);
            JsonNode value = parent == null ? null : parent.get(name);
            if (value == null || value.isNull() || SealedValue.isSealed(value)) {
                continue;
            }
            if (copy == null) {
                copy = shallowCopy(body);
            }
            withCopiedParents(copy, path).set(name, sealValue(collection, fields, id, path, value));
        }
        return copy == null ? body : copy;
    }

    private BinaryNode sealValue(String collection, EncryptedFields fields, JsonNode id, String path, JsonNode value) {
        byte[] plaintext = PlainText.of(value);
        if (fields.deterministic().contains(path)) {
            return SealedValue.wrap(SealedValue.DETERMINISTIC,
                    cipher.sealDeterministic(plaintext, deterministicData(collection, path)));
        }
        return SealedValue.wrap(SealedValue.RANDOMIZED, cipher.seal(plaintext, randomizedData(collection, id, path)));
    }

    /**
     * The body with every sealed field opened. The body is left as it is: the objects on the way
     * to an opened field are copied one level deep (their other members are shared), so opening
     * costs the fields opened, not the size of the document.
     *
     * @throws DecryptionException naming collection, document and field if a value does not open
     */
    public ObjectNode open(String collection, EncryptedFields fields, JsonNode id, ObjectNode body) {
        if (fields.isEmpty()) {
            return body;
        }
        ObjectNode opened = body;
        for (String path : fields.all()) {
            ObjectNode parent = parent(opened, path);
            JsonNode value = parent == null ? null : parent.get(last(path));
            if (!SealedValue.isSealed(value)) {
                continue;
            }
            if (opened == body) {
                opened = shallowCopy(body);
            }
            withCopiedParents(opened, path).set(last(path), openValue(collection, id, path, (BinaryNode) value));
        }
        return opened;
    }

    /**
     * The parent object of {@code path} in {@code root}, after replacing each object on the way
     * below the root by a shallow copy, so that setting a member of it changes no object shared
     * with the body {@code root} was copied from.
     */
    private static ObjectNode withCopiedParents(ObjectNode root, String path) {
        ObjectNode current = root;
        int start = 0;
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', start)) {
            String segment = path.substring(start, dot);
            ObjectNode copy = shallowCopy((ObjectNode) current.get(segment));
            current.set(segment, copy);
            current = copy;
            start = dot + 1;
        }
        return current;
    }

    private static ObjectNode shallowCopy(ObjectNode object) {
        ObjectNode copy = object.objectNode();
        copy.setAll(object);
        return copy;
    }

    private JsonNode openValue(String collection, JsonNode id, String path, BinaryNode sealed) {
        byte[] plaintext;
        try {
            plaintext = SealedValue.kind(sealed) == SealedValue.DETERMINISTIC
                    ? cipher.openDeterministic(SealedValue.ciphertext(sealed), deterministicData(collection, path))
                    : cipher.open(SealedValue.ciphertext(sealed), randomizedData(collection, id, path));
        } catch (DecryptionException e) {
            throw new DecryptionException("collection '" + collection + "', document " + EngineJson.write(id) + ", field '"
                    + path + "': the sealed value does not open; it was changed or copied from another document or field", e);
        }
        JsonNode text = PlainText.simpleString(plaintext);
        if (text != null) {
            return text;
        }
        try {
            return EngineJson.MAPPER.readTree(plaintext);
        } catch (IOException e) {
            throw new DecryptionException("collection '" + collection + "', document " + EngineJson.write(id) + ", field '"
                    + path + "': the opened value is not JSON", e);
        }
    }

    /** Whether the body holds an encrypted field that is plain, or sealed randomized with an old key. */
    public boolean needsResealing(EncryptedFields fields, ObjectNode body) {
        for (String path : fields.all()) {
            ObjectNode parent = parent(body, path);
            JsonNode value = parent == null ? null : parent.get(last(path));
            if (value == null || value.isNull()) {
                continue;
            }
            if (!SealedValue.isSealed(value) || !cipher.isSealedWithPrimary(SealedValue.ciphertext((BinaryNode) value))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The query with filter operands on deterministic fields sealed, so that it matches stored
     * ciphertexts.
     *
     * @throws QueryException if the query compares, sorts or matches a sealed field in a way only
     *                        plaintext allows
     */
    public Query seal(String collection, EncryptedFields fields, Query query) {
        if (fields.isEmpty()) {
            return query;
        }
        for (SortKey key : query.sort()) {
            if (fields.kindOf(key.field()) != EncryptedFields.Kind.PLAIN) {
                throw new QueryException("sort", "cannot sort collection '" + collection + "' by '" + key.field()
                        + "': the field is encrypted, so its order is hidden");
            }
        }
        return query.where(seal(collection, fields, query.filter()));
    }

    private Filter seal(String collection, EncryptedFields fields, Filter filter) {
        if (filter instanceof Filter.And and) {
            return new Filter.And(and.operands().stream().map(f -> seal(collection, fields, f)).toList());
        }
        if (filter instanceof Filter.Or or) {
            return new Filter.Or(or.operands().stream().map(f -> seal(collection, fields, f)).toList());
        }
        if (filter instanceof Filter.Nor nor) {
            return new Filter.Nor(nor.operands().stream().map(f -> seal(collection, fields, f)).toList());
        }
        if (filter instanceof Filter.Field field) {
            return new Filter.Field(field.path(), seal(collection, fields, field.path(), field.condition()));
        }
        return filter;
    }

    private Condition seal(String collection, EncryptedFields fields, String path, Condition condition) {
        if (condition instanceof Condition.Exists) {
            return condition;
        }
        EncryptedFields.Kind kind = fields.kindOf(path);
        switch (kind) {
            case PLAIN:
                return condition;
            case DETERMINISTIC:
                break;
            case RANDOMIZED:
                throw refuse(path, "it is encrypted with randomized encryption; declare it queryable to match it by equality");
            default:
                throw refuse(path, "it is or holds an encrypted field, whose contents cannot be matched");
        }
        if (condition instanceof Condition.Compare compare
                && (compare.operator() == Operator.EQ || compare.operator() == Operator.NE)) {
            return new Condition.Compare(compare.operator(), operand(collection, path, compare.value()));
        }
        if (condition instanceof Condition.In in) {
            return new Condition.In(operands(collection, path, in.values()));
        }
        if (condition instanceof Condition.NotIn notIn) {
            return new Condition.NotIn(operands(collection, path, notIn.values()));
        }
        if (condition instanceof Condition.Not not) {
            return new Condition.Not(seal(collection, fields, path, not.condition()));
        }
        if (condition instanceof Condition.AllOf all) {
            return new Condition.AllOf(all.conditions().stream().map(c -> seal(collection, fields, path, c)).toList());
        }
        throw refuse(path, "it is encrypted; only $eq, $ne, $in, $nin and $exists can be used on it, "
                + "since ranges, patterns and array operators need the plaintext");
    }

    private List<JsonNode> operands(String collection, String path, List<JsonNode> values) {
        List<JsonNode> sealed = new ArrayList<>(values.size());
        values.forEach(v -> sealed.add(operand(collection, path, v)));
        return sealed;
    }

    private JsonNode operand(String collection, String path, JsonNode value) {
        if (value.isNull()) {
            return value;
        }
        byte[] plaintext = PlainText.of(value);
        return SealedValue.wrap(SealedValue.DETERMINISTIC, cipher.sealDeterministic(plaintext, deterministicData(collection, path)));
    }

    private static QueryException refuse(String path, String why) {
        return new QueryException(path, "cannot filter on '" + path + "': " + why);
    }

    /**
     * {@code offline-store/R/<store>/<collection>/<id as JSON>/<path>} in UTF-8, put together from
     * bytes kept per collection and per path.
     */
    private byte[] randomizedData(String collection, JsonNode id, String path) {
        byte[] prefix = associatedData.computeIfAbsent("R/" + collection, k -> utf8("offline-store/R/" + storeId + "/"
                + collection + "/"));
        byte[] suffix = associatedData.computeIfAbsent("P/" + path, k -> utf8("/" + path));
        byte[] idText = PlainText.of(id);
        byte[] data = Arrays.copyOf(prefix, prefix.length + idText.length + suffix.length);
        System.arraycopy(idText, 0, data, prefix.length, idText.length);
        System.arraycopy(suffix, 0, data, prefix.length + idText.length, suffix.length);
        return data;
    }

    private byte[] deterministicData(String collection, String path) {
        return associatedData.computeIfAbsent("D/" + collection + "/" + path,
                k -> utf8("offline-store/D/" + storeId + "/" + collection + "/" + path)).clone();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A sensitive path must lead through objects only: an array on the way would leave its values plain. */
    private static void refuseArrays(String collection, String path, ObjectNode body) {
        JsonNode current = body;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length - 1 && current != null; i++) {
            current = current.get(segments[i]);
            if (current instanceof ArrayNode) {
                throw new InvalidDocumentException("collection '" + collection + "': encrypted field '" + path
                        + "' goes through the array at '" + String.join(".", Arrays.copyOf(segments, i + 1))
                        + "'; its values would stay in plaintext, so the document is refused (encrypt the array instead)");
            }
        }
    }

    private static ObjectNode parent(ObjectNode body, String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0) {
            return body;
        }
        JsonNode current = body;
        for (String segment : path.substring(0, dot).split("\\.")) {
            current = current.get(segment);
            if (!(current instanceof ObjectNode)) {
                return null;
            }
        }
        return (ObjectNode) current;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
