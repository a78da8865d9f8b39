package io.offlinestore.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.query.FieldPath;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries one document gives an index. Each entry key is the tuple encoding of the indexed
 * values followed by the document id; an array value gives one entry per distinct element (an
 * empty array one entry for itself), a missing value is indexed as null, and a compound index
 * gets the cartesian product of its fields' values.
 *
 * @param prefixes  the encoded value tuples, without the id, distinct
 * @param nullable  for each prefix, whether one of its values is null or missing
 * @param multikey  whether the document needs several entries or reaches a value through an array
 */
public record IndexEntries(List<byte[]> prefixes, List<Boolean> nullable, boolean multikey) {
    /** Most entries one document may give one index before it is rejected. */
    public static final int MAX_ENTRIES_PER_DOCUMENT = 10_000;

    /** Computes the entries of {@code document} for {@code index}. */
    public static IndexEntries of(IndexState index, JsonNode document, String collection) {
        List<String> fields = index.definition().fields();
        List<List<JsonNode>> valuesPerField = new ArrayList<>(fields.size());
        boolean multikey = false;
        for (String field : fields) {
            FieldPath path = FieldPath.of(field);
            List<JsonNode> candidates = path.candidates(document);
            multikey |= candidates.size() > 1 || path.traversesArray(document);
            Map<ByteBuffer, JsonNode> distinct = new LinkedHashMap<>();
            for (JsonNode candidate : candidates) {
                if (candidate instanceof ArrayNode array) {
                    multikey = true;
                    if (array.isEmpty()) {
                        put(distinct, array, index, field, collection);
                    }
                    array.forEach(element -> put(distinct, element, index, field, collection));
                } else {
                    put(distinct, candidate.isMissingNode() ? NullNode.getInstance() : candidate, index, field, collection);
                }
            }
            valuesPerField.add(new ArrayList<>(distinct.values()));
        }
        long product = 1;
        for (List<JsonNode> values : valuesPerField) {
            product *= values.size();
            if (product > MAX_ENTRIES_PER_DOCUMENT) {
                throw new InvalidDocumentException("collection '" + collection + "': document would give index '"
                        + index.name() + "' more than " + MAX_ENTRIES_PER_DOCUMENT + " entries (arrays in " + fields + ")");
            }
        }
        List<byte[]> prefixes = new ArrayList<>();
        List<Boolean> nullable = new ArrayList<>();
        product(valuesPerField, 0, new ByteArrayOutputStream(), false, prefixes, nullable);
        return new IndexEntries(prefixes, nullable, multikey);
    }

    private static void put(Map<ByteBuffer, JsonNode> distinct, JsonNode value, IndexState index, String field,
                            String collection) {
        try {
            distinct.putIfAbsent(ByteBuffer.wrap(KeyCodec.encode(value)), value);
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentException("collection '" + collection + "': field '" + field
                    + "' cannot be indexed by '" + index.name() + "': " + e.getMessage(), e);
        }
    }

    private static void product(List<List<JsonNode>> fields, int depth, ByteArrayOutputStream prefix, boolean hasNull,
                                List<byte[]> out, List<Boolean> nullable) {
        if (depth == fields.size()) {
            out.add(prefix.toByteArray());
            nullable.add(hasNull);
            return;
        }
        for (JsonNode value : fields.get(depth)) {
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            next.writeBytes(prefix.toByteArray());
            next.writeBytes(KeyCodec.encode(value));
            product(fields, depth + 1, next, hasNull || value.isNull(), out, nullable);
        }
    }

    /** The full entry key: a prefix followed by the encoded document id. */
    public static byte[] key(byte[] prefix, byte[] encodedId) {
        byte[] key = new byte[prefix.length + encodedId.length];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        System.arraycopy(encodedId, 0, key, prefix.length, encodedId.length);
        return key;
    }
}
