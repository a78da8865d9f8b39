package io.offlinestore.sync.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Reads and writes protocol messages as JSON, the form they travel in. */
public final class ProtocolCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ProtocolCodec() {
    }

    /** The message as JSON bytes. */
    public static byte[] write(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new SyncProtocolException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a message of the given type.
     *
     * @throws SyncProtocolException saying what is wrong and where, if the bytes are not such a message
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (SyncProtocolException e) {
            throw e;
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof SyncProtocolException p ? p : e;
            throw new SyncProtocolException("not a valid " + type.getSimpleName() + ": " + cause.getMessage(), e);
        }
    }
}
