package io.offlinestore.engine.codec;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import io.offlinestore.StorageException;
import java.io.IOException;

/** Stores document bodies as Smile (binary JSON), keeping exact decimals and big integers. */
public final class SmileDocumentCodec implements DocumentCodec {
    private final ObjectMapper mapper = SmileMapper.builder(SmileFactory.builder()
                    .enable(SmileGenerator.Feature.CHECK_SHARED_NAMES)
                    .disable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @Override
    public byte[] encode(ObjectNode document) {
        try {
            return mapper.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new StorageException("cannot encode document as Smile", e);
        }
    }

    @Override
    public ObjectNode decode(byte[] bytes) {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (!(node instanceof ObjectNode object)) {
                throw new StorageException("stored document body is not an object");
            }
            return object;
        } catch (IOException e) {
            throw new StorageException("stored document body is not valid Smile: " + e.getMessage(), e);
        }
    }
}
