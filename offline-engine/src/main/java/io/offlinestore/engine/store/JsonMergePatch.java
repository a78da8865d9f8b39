package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.codec.EngineJson;
import java.util.Map;

/** JSON merge patch (RFC 7386): objects merge recursively, a null removes a field, anything else replaces. */
final class JsonMergePatch {
    private JsonMergePatch() {
    }

    /** The result of applying {@code patch} to {@code target}; neither argument is changed. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : EngineJson.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), apply(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }
}
