package io.offlinestore.benchmarks.subject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How the raw baselines store a document: Smile (binary JSON) bytes, the engine's own stored
 * form, so that both pay for the same encoding.
 */
final class RawCodec {
    private static final ObjectMapper SMILE = new SmileMapper();

    private RawCodec() {
    }

    static byte[] encode(ObjectNode document) {
        try {
            return SMILE.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode decode(byte[] bytes) {
        try {
            return (ObjectNode) SMILE.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
