package io.offlinestore.benchmarks.subject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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

    /** The documents among {@code bodies} whose {@code status} is {@code status}, decoded. */
    static List<ObjectNode> withStatus(Collection<byte[]> bodies, String status) {
        List<ObjectNode> out = new ArrayList<>();
        for (byte[] body : bodies) {
            ObjectNode document = decode(body);
            if (status.equals(document.path("status").textValue())) {
                out.add(document);
            }
        }
        return out;
    }

    static ObjectNode decode(byte[] bytes) {
        try {
            return (ObjectNode) SMILE.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
