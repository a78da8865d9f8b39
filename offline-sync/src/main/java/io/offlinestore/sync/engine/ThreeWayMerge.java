package io.offlinestore.sync.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Merges two versions of a document against their common base, field by field, recursing into
 * objects: a field changed on one side only takes that side's value (a removal included); a
 * field changed on both sides to different values takes the preferred side's. Arrays and
 * scalars are atomic values.
 */
final class ThreeWayMerge {

    private ThreeWayMerge() {
    }

    /**
     * The merge of {@code local} and {@code remote} against {@code base} (null when unknown:
     * then every differing field counts as changed on both sides).
     */
    static ObjectNode merge(ObjectNode base, ObjectNode local, ObjectNode remote, boolean preferLocal) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        Set<String> fields = new LinkedHashSet<>();
        local.fieldNames().forEachRemaining(fields::add);
        remote.fieldNames().forEachRemaining(fields::add);
        if (base != null) {
            base.fieldNames().forEachRemaining(fields::add);
        }
        for (String field : fields) {
            JsonNode value = field(base == null ? null : base.get(field), local.get(field), remote.get(field),
                    base != null, preferLocal);
            if (value != null) {
                merged.set(field, value.deepCopy());
            }
        }
        return merged;
    }

    private static JsonNode field(JsonNode base, JsonNode local, JsonNode remote, boolean baseKnown,
                                  boolean preferLocal) {
        if (Objects.equals(local, remote)) {
            return local;
        }
        if (baseKnown && Objects.equals(local, base)) {
            return remote;
        }
        if (baseKnown && Objects.equals(remote, base)) {
            return local;
        }
        if (local instanceof ObjectNode l && remote instanceof ObjectNode r) {
            return merge(base instanceof ObjectNode b ? b : null, l, r, preferLocal);
        }
        return preferLocal ? local : remote;
    }
}
