package io.offlinestore.engine.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.offlinestore.engine.codec.EngineJson;
import java.nio.charset.StandardCharsets;

/**
 * The plaintext of a sealed value: the value's compact JSON text in UTF-8. Strings of printable
 * ASCII with nothing to escape, the usual content of a sensitive field, are written and read
 * without a JSON generator or parser; the bytes are exactly those {@link EngineJson#write} gives, so
 * deterministic sealing and stored values are unaffected.
 */
final class PlainText {
    private PlainText() {
    }

    /** The plaintext of a value. */
    static byte[] of(JsonNode value) {
        if (value instanceof TextNode text && isPlain(text.textValue())) {
            String string = text.textValue();
            byte[] bytes = new byte[string.length() + 2];
            bytes[0] = '"';
            for (int i = 0; i < string.length(); i++) {
                bytes[i + 1] = (byte) string.charAt(i); // printable ASCII: one byte per char
            }
            bytes[bytes.length - 1] = '"';
            return bytes;
        }
        if (value.isInt() || value.isLong()) {
            return Long.toString(value.longValue()).getBytes(StandardCharsets.US_ASCII);
        }
        return EngineJson.write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The string a plaintext holds when it is a quoted string with nothing escaped, else {@code null}. */
    static JsonNode simpleString(byte[] plaintext) {
        int last = plaintext.length - 1;
        if (last < 1 || plaintext[0] != '"' || plaintext[last] != '"') {
            return null;
        }
        for (int i = 1; i < last; i++) {
            byte b = plaintext[i];
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                return null;
            }
        }
        return TextNode.valueOf(new String(plaintext, 1, last - 1, StandardCharsets.UTF_8));
    }

    private static boolean isPlain(String string) {
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
