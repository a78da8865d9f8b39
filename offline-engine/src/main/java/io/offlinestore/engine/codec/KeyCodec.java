package io.offlinestore.engine.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Order-preserving, self-delimiting encoding of JSON values and tuples of values to byte keys:
 * for all values {@code a} and {@code b}, {@code Arrays.compareUnsigned(encode(a), encode(b))}
 * has the sign of {@link ValueOrder#compare ValueOrder.compare(a, b)}, and a tuple's encoding is
 * the concatenation of its elements' encodings, so tuple byte order is lexicographic tuple order.
 * Equal values (such as {@code 1}, {@code 1L} and {@code 1.00}) have identical encodings.
 *
 * <p>Layout, by type bracket (the tags are fixed; the query planner relies on them):
 * <ul>
 *   <li>null and missing: {@code 0x10}.
 *   <li>numbers, {@code [0x20, 0x26)}: NaN {@code 0x20}, -Infinity {@code 0x21}, negative
 *       {@code 0x22}, zero {@code 0x23}, positive {@code 0x24}, +Infinity {@code 0x25}. A
 *       positive value {@code 0.d1d2…dn × 10^E} ({@code d1 ≠ 0}, trailing zeros stripped) is
 *       {@code 0x24}, {@code E} as a big-endian int with its sign bit flipped, one byte
 *       {@code digit + 1} per digit, then {@code 0x00}. A negative value is {@code 0x22} and the
 *       bitwise complement of everything after the tag in the encoding of its magnitude.
 *   <li>strings: {@code 0x30}, the UTF-8 bytes with each {@code 0x00} written as
 *       {@code 0x00 0xFF}, then {@code 0x00}.
 *   <li>objects: {@code 0x40}, per field {@code 0x01}, the escaped UTF-8 name and {@code 0x00},
 *       the value's encoding; then {@code 0x00}.
 *   <li>arrays: {@code 0x50}, each element's encoding, then {@code 0x00}.
 *   <li>binary: {@code 0x58}, the bytes escaped as in strings, then {@code 0x00}.
 *   <li>{@code false} {@code 0x60}, {@code true} {@code 0x61}.
 * </ul>
 *
 * <p>Encodings are self-delimiting but not prefix-free: the encoding of {@code "a"} is a byte
 * prefix of the encoding of {@code "a\u0000"}. Whenever one value's encoding is a proper prefix of
 * another's, the longer one continues with {@code 0xFF}, a byte no element encoding or container
 * terminator starts with. So the keys whose leading elements equal a tuple {@code t} are exactly
 * {@code [encodeTuple(t), prefixEnd(encodeTuple(t)))}; a plain byte-prefix scan of
 * {@code encodeTuple(t)} would also match longer strings.
 *
 * <p>Strings (values and field names) must be valid UTF-16: a Java string with an unpaired
 * surrogate has no UTF-8 form that keeps its order, and encoding it throws an
 * {@link IllegalArgumentException} naming the problem. Numbers whose decimal exponent does not
 * fit an {@code int} and {@code POJONode}s are rejected the same way.
 */
public final class KeyCodec {
    private static final byte END = 0x00;
    private static final byte FIELD = 0x01;
    private static final byte ESCAPE = (byte) 0xFF;

    private static final byte NULL = 0x10;
    private static final byte NAN = 0x20;
    private static final byte NEGATIVE_INFINITY = 0x21;
    private static final byte NEGATIVE = 0x22;
    private static final byte ZERO = 0x23;
    private static final byte POSITIVE = 0x24;
    private static final byte POSITIVE_INFINITY = 0x25;
    private static final byte STRING = 0x30;
    private static final byte OBJECT = 0x40;
    private static final byte ARRAY = 0x50;
    private static final byte BINARY = 0x58;
    private static final byte FALSE = 0x60;
    private static final byte TRUE = 0x61;

    private KeyCodec() {
    }

    /** The encoding of one value ({@code null} encodes as JSON null). */
    public static byte[] encode(JsonNode value) {
        return builder().add(value).toBytes();
    }

    /** The encoding of a tuple: the concatenation of its elements' encodings. */
    public static byte[] encodeTuple(List<? extends JsonNode> values) {
        Builder builder = builder();
        values.forEach(builder::add);
        return builder.toBytes();
    }

    /** The encoding of a tuple: the concatenation of its elements' encodings. */
    public static byte[] encodeTuple(JsonNode... values) {
        return encodeTuple(Arrays.asList(values));
    }

    /** A builder that appends the encodings of tuple elements one after another. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes every element of a key. Numbers come back as {@code LongNode} when integral and in
     * range of a long, otherwise as {@code DecimalNode}; NaN and the infinities as
     * {@code DoubleNode}; null and missing as {@code NullNode}. Each element compares equal to
     * the value that was encoded.
     *
     * @throws IllegalArgumentException if the key is not a well-formed encoding
     */
    public static List<JsonNode> decodeTuple(byte[] key) {
        Decoder decoder = new Decoder(key);
        List<JsonNode> values = new ArrayList<>();
        while (decoder.hasMore()) {
            values.add(decoder.value());
        }
        return values;
    }

    /**
     * Decodes a key that holds exactly one value.
     *
     * @throws IllegalArgumentException if the key is not the encoding of a single value
     */
    public static JsonNode decode(byte[] key) {
        List<JsonNode> values = decodeTuple(key);
        if (values.size() != 1) {
            throw new IllegalArgumentException("key holds " + values.size() + " values, not one");
        }
        return values.get(0);
    }

    /**
     * Decodes the last element of a key, such as the document id that ends an index key.
     *
     * @throws IllegalArgumentException if the key is empty or not a well-formed encoding
     */
    public static JsonNode decodeLast(byte[] key) {
        List<JsonNode> values = decodeTuple(key);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        return values.get(values.size() - 1);
    }

    /**
     * The one-byte key at or below which every encoding of the sample's type bracket starts:
     * {@code [0x10]} null, {@code [0x20]} numbers, {@code [0x30]} strings, {@code [0x40]}
     * objects, {@code [0x50]} arrays, {@code [0x58]} binary, {@code [0x60]} booleans.
     */
    public static byte[] bracketStart(JsonNode sample) {
        return new byte[] {firstTag(ValueOrder.bracket(sample))};
    }

    /**
     * The one-byte key above every encoding of the sample's type bracket (exclusive bound):
     * {@code [0x11]} null, {@code [0x26]} numbers, {@code [0x31]} strings, {@code [0x41]}
     * objects, {@code [0x51]} arrays, {@code [0x59]} binary, {@code [0x62]} booleans.
     */
    public static byte[] bracketEnd(JsonNode sample) {
        return new byte[] {(byte) (lastTag(ValueOrder.bracket(sample)) + 1)};
    }

    /**
     * The exclusive upper bound of the keys that start with the complete elements encoded in
     * {@code encodedPrefix}: {@code encodedPrefix} followed by {@code 0xFF}. Keys whose leading
     * elements equal those of the prefix are exactly {@code [encodedPrefix, prefixEnd(encodedPrefix))};
     * use it for {@code $lte} ends and {@code $gt} starts too. Unlike the byte successor of the
     * prefix, it excludes keys whose element merely extends a string or binary prefix.
     */
    public static byte[] prefixEnd(byte[] encodedPrefix) {
        byte[] end = Arrays.copyOf(encodedPrefix, encodedPrefix.length + 1);
        end[encodedPrefix.length] = ESCAPE;
        return end;
    }

    private static byte firstTag(ValueOrder.Bracket bracket) {
        return switch (bracket) {
            case NULL -> NULL;
            case NUMBER -> NAN;
            case STRING -> STRING;
            case OBJECT -> OBJECT;
            case ARRAY -> ARRAY;
            case BINARY -> BINARY;
            case BOOLEAN -> FALSE;
        };
    }

    private static byte lastTag(ValueOrder.Bracket bracket) {
        return switch (bracket) {
            case NUMBER -> POSITIVE_INFINITY;
            case BOOLEAN -> TRUE;
            default -> firstTag(bracket);
        };
    }

    /**
     * Appends the encodings of values one after another; the result is the key of the tuple of
     * the values added. Not thread-safe.
     */
    public static final class Builder {
        private byte[] bytes = new byte[32];
        private int length;

        private Builder() {
        }

        /**
         * Appends the encoding of a value ({@code null} encodes as JSON null). If the value is
         * rejected, the builder is left as it was.
         *
         * @throws IllegalArgumentException for a string with an unpaired surrogate, a number whose
         *     decimal exponent does not fit an {@code int}, or a {@code POJONode}
         */
        public Builder add(JsonNode value) {
            int mark = length;
            try {
                write(value);
            } catch (IllegalArgumentException e) {
                length = mark;
                throw e;
            }
            return this;
        }

        /** The key built so far. */
        public byte[] toBytes() {
            return Arrays.copyOf(bytes, length);
        }

        private void write(JsonNode value) {
            switch (ValueOrder.bracket(value)) {
                case NULL -> put(NULL);
                case NUMBER -> writeNumber(NumericValue.of(value));
                case STRING -> {
                    put(STRING);
                    writeEscaped(utf8(value.textValue()));
                }
                case OBJECT -> {
                    put(OBJECT);
                    for (Map.Entry<String, JsonNode> field : value.properties()) {
                        put(FIELD);
                        writeEscaped(utf8(field.getKey()));
                        write(field.getValue());
                    }
                    put(END);
                }
                case ARRAY -> {
                    put(ARRAY);
                    for (JsonNode element : value) {
                        write(element);
                    }
                    put(END);
                }
                case BINARY -> {
                    put(BINARY);
                    writeEscaped(((BinaryNode) value).binaryValue());
                }
                case BOOLEAN -> put(value.booleanValue() ? TRUE : FALSE);
            }
        }

        private void writeNumber(NumericValue number) {
            switch (number.kind()) {
                case NAN -> put(NAN);
                case NEGATIVE_INFINITY -> put(NEGATIVE_INFINITY);
                case POSITIVE_INFINITY -> put(POSITIVE_INFINITY);
                case FINITE -> writeFinite(number.value());
            }
        }

        private void writeFinite(BigDecimal value) {
            if (value.signum() == 0) {
                put(ZERO);
                return;
            }
            put(value.signum() > 0 ? POSITIVE : NEGATIVE);
            int start = length;
            // value = 0.d1d2…dn × 10^exponent; NumericValue guarantees the exponent fits an int
            int exponent = value.precision() - value.scale();
            int flipped = exponent ^ Integer.MIN_VALUE;
            for (int shift = 24; shift >= 0; shift -= 8) {
                put((byte) (flipped >>> shift));
            }
            String digits = value.unscaledValue().abs().toString();
            for (int i = 0; i < digits.length(); i++) {
                put((byte) (digits.charAt(i) - '0' + 1));
            }
            put(END);
            if (value.signum() < 0) {
                for (int i = start; i < length; i++) {
                    bytes[i] = (byte) ~bytes[i];
                }
            }
        }

        private void writeEscaped(byte[] content) {
            for (byte b : content) {
                put(b);
                if (b == END) {
                    put(ESCAPE);
                }
            }
            put(END);
        }

        private void put(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = b;
        }
    }

    private static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format(
                        "string has an unpaired UTF-16 surrogate U+%04X at index %d: not valid Unicode, cannot be"
                                + " encoded in a key", (int) c, i));
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the elements of a key from the front. */
    private static final class Decoder {
        private final byte[] key;
        private int position;

        Decoder(byte[] key) {
            this.key = key;
        }

        boolean hasMore() {
            return position < key.length;
        }

        JsonNode value() {
            byte tag = next();
            return switch (tag) {
                case NULL -> NullNode.getInstance();
                case NAN -> DoubleNode.valueOf(Double.NaN);
                case NEGATIVE_INFINITY -> DoubleNode.valueOf(Double.NEGATIVE_INFINITY);
                case NEGATIVE -> finite(true);
                case ZERO -> LongNode.valueOf(0);
                case POSITIVE -> finite(false);
                case POSITIVE_INFINITY -> DoubleNode.valueOf(Double.POSITIVE_INFINITY);
                case STRING -> TextNode.valueOf(text());
                case OBJECT -> object();
                case ARRAY -> array();
                case BINARY -> BinaryNode.valueOf(escaped());
                case FALSE -> BooleanNode.FALSE;
                case TRUE -> BooleanNode.TRUE;
                default -> throw malformed(String.format("unknown tag 0x%02X", tag & 0xFF));
            };
        }

        private JsonNode finite(boolean negative) {
            int mask = negative ? 0xFF : 0x00;
            int flipped = 0;
            for (int i = 0; i < 4; i++) {
                flipped = flipped << 8 | (next() ^ mask) & 0xFF;
            }
            int exponent = flipped ^ Integer.MIN_VALUE;
            StringBuilder digits = new StringBuilder();
            for (int b = (next() ^ mask) & 0xFF; b != END; b = (next() ^ mask) & 0xFF) {
                if (b > 10) {
                    throw malformed(String.format("bad digit byte 0x%02X", b));
                }
                digits.append((char) ('0' + b - 1));
            }
            BigInteger unscaled = new BigInteger(digits.toString());
            BigDecimal value = new BigDecimal(negative ? unscaled.negate() : unscaled, digits.length() - exponent);
            if (value.scale() <= 0 && exponent <= 19) {
                BigInteger integral = value.toBigIntegerExact();
                if (integral.bitLength() < Long.SIZE) {
                    return LongNode.valueOf(integral.longValue());
                }
            }
            return DecimalNode.valueOf(value);
        }

        private String text() {
            return new String(escaped(), StandardCharsets.UTF_8);
        }

        private byte[] escaped() {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (true) {
                byte b = next();
                if (b == END) {
                    if (position == key.length || key[position] != ESCAPE) {
                        return content.toByteArray();
                    }
                    position++;
                }
                content.write(b);
            }
        }

        private ObjectNode object() {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (byte b = next(); b != END; b = next()) {
                if (b != FIELD) {
                    throw malformed(String.format("expected a field marker, found 0x%02X", b & 0xFF));
                }
                String name = text();
                object.set(name, value());
            }
            return object;
        }

        private ArrayNode array() {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            while (peek() != END) {
                array.add(value());
            }
            position++;
            return array;
        }

        private byte peek() {
            if (position == key.length) {
                throw malformed("truncated key");
            }
            return key[position];
        }

        private byte next() {
            byte b = peek();
            position++;
            return b;
        }

        private IllegalArgumentException malformed(String problem) {
            return new IllegalArgumentException("malformed key at byte " + position + ": " + problem);
        }
    }
}
