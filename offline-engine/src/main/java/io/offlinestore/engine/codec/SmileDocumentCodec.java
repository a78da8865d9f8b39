package io.offlinestore.engine.codec;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import io.offlinestore.StorageException;
import java.io.IOException;

/**
 * Stores document bodies as Smile (binary JSON), keeping exact decimals and big integers. Smile
 * tags each number with its type, so every number reads back as the node type it was written
 * as: a decimal as a decimal and a double as a double (not widened to the exact binary expansion
 * of the double, which is a different decimal and would disagree with its index entry).
 *
 * <p>The engine refuses documents beyond {@link io.offlinestore.DocumentLimits} before they
 * reach the codec. Decoding sets no size limits of its own, so that a record stored before those
 * checks existed (a 60,000-char field name, a 3,000-digit integer) still reads back and can be
 * fixed or deleted instead of making its collection unreadable. Nor does it look for duplicate
 * field names: a body is only ever written from an {@code ObjectNode}, which cannot hold two, and
 * the check cost a hash set per decoded object on every read and scan.
 */
public final class SmileDocumentCodec implements DocumentCodec {
    private static final StreamReadConstraints READ_ANY_STORED = StreamReadConstraints.builder()
            .maxNestingDepth(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .maxDocumentLength(-1)
            .build();

    private final ObjectMapper mapper = SmileMapper.builder(SmileFactory.builder()
                    .enable(SmileGenerator.Feature.CHECK_SHARED_NAMES)
                    .disable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
                    .streamReadConstraints(READ_ANY_STORED)
                    .build())
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
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
    public ObjectNode decode(byte[] bytes, int offset, int length) {
        try {
            JsonNode node = mapper.readTree(bytes, offset, length);
            if (!(node instanceof ObjectNode object)) {
                throw new StorageException("stored document body is not an object");
            }
            return object;
        } catch (IOException e) {
            throw new StorageException("stored document body is not valid Smile: " + e.getMessage(), e);
        }
    }
}
