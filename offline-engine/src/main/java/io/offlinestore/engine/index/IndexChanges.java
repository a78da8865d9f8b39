package io.offlinestore.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The entries one unit of work (a commit, or an index build) removes from and adds to one
 * index, gathered by {@link IndexMaintainer#update} so that uniqueness is checked over all of
 * them at once and they reach the backend in one batch.
 */
public final class IndexChanges {
    private final Set<ByteBuffer> removed = new HashSet<>();
    private final Map<ByteBuffer, Added> added = new LinkedHashMap<>();

    /**
     * An entry added for a document.
     *
     * @param prefix    the encoded values, without the id
     * @param encodedId the document's key
     * @param nullable  whether one of the values is null or missing (never unique-checked)
     * @param id        the document's id, for messages
     * @param body      the document's body as stored, for messages
     */
    public record Added(byte[] prefix, byte[] encodedId, boolean nullable, JsonNode id, JsonNode body) {
    }

    void remove(ByteBuffer key) {
        removed.add(key);
    }

    void add(ByteBuffer key, Added entry) {
        added.put(key, entry);
    }

    boolean isRemoved(ByteBuffer key) {
        return removed.contains(key);
    }

    Set<ByteBuffer> removed() {
        return removed;
    }

    Map<ByteBuffer, Added> added() {
        return added;
    }

    /** The entries added, in the order they were recorded. */
    public Collection<Added> additions() {
        return added.values();
    }
}
