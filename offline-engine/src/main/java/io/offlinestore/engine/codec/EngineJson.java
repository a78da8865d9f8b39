package io.offlinestore.engine.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The engine's own JSON mapper, for its metadata records (catalog, change log, stored keys), the
 * trees it builds and the values it names in messages. It reads numbers as the API reads them:
 * decimals as exact {@code BigDecimal}s with their scale kept ({@code 1.50} stays {@code 1.50}),
 * big integers as {@code BigInteger}s, never squeezed into doubles; duplicate field names and
 * trailing tokens are errors.
 */
public final class EngineJson {
    /** The mapper; thread-safe, configured once. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EngineJson() {
    }

    /** Converts a Java value (String, Number, Boolean, Map, List, JsonNode, POJO, null) to a tree. */
    public static JsonNode toNode(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        return MAPPER.valueToTree(value);
    }

    /** Compact JSON text of a tree, as messages and composite keys quote values. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON tree", e);
        }
    }
}
