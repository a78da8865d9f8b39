package io.offlinestore.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.util.Arrays;

/**
 * How a sealed field is stored in a document body: a binary value made of the marker
 * {@code OSE}, the kind ({@code R} randomized, {@code D} deterministic) and the ciphertext.
 * Binary values without the marker are plain user data.
 */
final class SealedValue {
    static final byte RANDOMIZED = 'R';
    static final byte DETERMINISTIC = 'D';
    private static final byte[] MARKER = {'O', 'S', 'E'};

    private SealedValue() {
    }

    static BinaryNode wrap(byte kind, byte[] ciphertext) {
        byte[] bytes = new byte[MARKER.length + 1 + ciphertext.length];
        System.arraycopy(MARKER, 0, bytes, 0, MARKER.length);
        bytes[MARKER.length] = kind;
        System.arraycopy(ciphertext, 0, bytes, MARKER.length + 1, ciphertext.length);
        return BinaryNode.valueOf(bytes);
    }

    /** Whether the value is a sealed value. */
    static boolean isSealed(JsonNode value) {
        if (!(value instanceof BinaryNode binary)) {
            return false;
        }
        byte[] bytes = binary.binaryValue();
        return bytes.length > MARKER.length + 1 && Arrays.equals(bytes, 0, MARKER.length, MARKER, 0, MARKER.length)
                && (bytes[MARKER.length] == RANDOMIZED || bytes[MARKER.length] == DETERMINISTIC);
    }

    static byte kind(BinaryNode sealed) {
        return sealed.binaryValue()[MARKER.length];
    }

    static byte[] ciphertext(BinaryNode sealed) {
        byte[] bytes = sealed.binaryValue();
        return Arrays.copyOfRange(bytes, MARKER.length + 1, bytes.length);
    }
}
