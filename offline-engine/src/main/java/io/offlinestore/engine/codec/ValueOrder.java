package io.offlinestore.engine.codec;

import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * The total order over JSON values that queries compare and sort by, following MongoDB's
 * cross-type order:
 * null and missing &lt; numbers &lt; strings &lt; objects &lt; arrays &lt; binary &lt; booleans.
 *
 * <ul>
 *   <li>Java {@code null}, {@code NullNode} and {@code MissingNode} are equal.
 *   <li>Numbers compare by exact value whatever their node type (see {@link NumericValue}):
 *       {@code 1 == 1L == 1.0 == 1.00}; NaN &lt; -Infinity &lt; finite &lt; +Infinity.
 *   <li>Strings compare by Unicode code point, which is UTF-8 byte order (not
 *       {@link String#compareTo}, whose UTF-16 order puts U+FFFF after supplementary characters).
 *   <li>Objects compare field by field in stored order, by name (code point order) then value;
 *       a proper prefix (fewer fields, the rest equal) sorts first.
 *   <li>Arrays compare element by element; a proper prefix sorts first.
 *   <li>Binary values compare by unsigned bytes, then length.
 *   <li>{@code false < true}.
 * </ul>
 *
 * <p>{@link KeyCodec} encodes values so that byte order is this order.
 * {@code POJONode}s are not JSON values and are rejected with an {@link IllegalArgumentException}.
 */
public final class ValueOrder {

    /** {@link #compare} as a comparator; accepts {@code null} elements (equal to JSON null). */
    public static final Comparator<JsonNode> COMPARATOR = ValueOrder::compare;

    /** The type brackets, declared in their order. */
    enum Bracket {
        NULL, NUMBER, STRING, OBJECT, ARRAY, BINARY, BOOLEAN
    }

    private ValueOrder() {
    }

    /**
     * The rank of the value's type bracket: 0 null or missing, 1 number, 2 string, 3 object,
     * 4 array, 5 binary, 6 boolean. Values of different ranks compare by rank alone, so a
     * type-bracketed comparison (as in {@code $gt: 5}, which never matches a string) first
     * checks that both ranks are equal.
     *
     * @throws IllegalArgumentException for a {@code POJONode}
     */
    public static int typeRank(JsonNode value) {
        return bracket(value).ordinal();
    }

    static Bracket bracket(JsonNode value) {
        if (value == null) {
            return Bracket.NULL;
        }
        return switch (value.getNodeType()) {
            case NULL, MISSING -> Bracket.NULL;
            case NUMBER -> Bracket.NUMBER;
            case STRING -> Bracket.STRING;
            case OBJECT -> Bracket.OBJECT;
            case ARRAY -> Bracket.ARRAY;
            case BINARY -> Bracket.BINARY;
            case BOOLEAN -> Bracket.BOOLEAN;
            case POJO -> throw new IllegalArgumentException(
                    "not a JSON value: POJONode of " + value.getClass().getName());
        };
    }

    /**
     * Compares two values: negative, zero or positive as {@code a} sorts before, with or after
     * {@code b}. Either may be {@code null}.
     *
     * @throws IllegalArgumentException for a {@code POJONode}, or a number whose decimal exponent
     *     does not fit an {@code int}
     */
    public static int compare(JsonNode a, JsonNode b) {
        Bracket bracket = bracket(a);
        int byBracket = bracket.compareTo(bracket(b));
        if (byBracket != 0) {
            return byBracket;
        }
        return switch (bracket) {
            case NULL -> 0;
            case NUMBER -> compareNumbers(a, b);
            case STRING -> compareCodePoints(a.textValue(), b.textValue());
            case OBJECT -> compareObjects(a, b);
            case ARRAY -> compareArrays(a, b);
            case BINARY -> Arrays.compareUnsigned(((BinaryNode) a).binaryValue(), ((BinaryNode) b).binaryValue());
            case BOOLEAN -> Boolean.compare(a.booleanValue(), b.booleanValue());
        };
    }

    private static int compareNumbers(JsonNode a, JsonNode b) {
        if (fitsLong(a) && fitsLong(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        return NumericValue.of(a).compareTo(NumericValue.of(b));
    }

    private static boolean fitsLong(JsonNode number) {
        NumberType type = number.numberType();
        return type == NumberType.INT || type == NumberType.LONG;
    }

    private static int compareCodePoints(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int i = 0;
        while (i < shorter) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(i);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareObjects(JsonNode a, JsonNode b) {
        Iterator<Map.Entry<String, JsonNode>> fieldsA = a.properties().iterator();
        Iterator<Map.Entry<String, JsonNode>> fieldsB = b.properties().iterator();
        while (fieldsA.hasNext() && fieldsB.hasNext()) {
            Map.Entry<String, JsonNode> fieldA = fieldsA.next();
            Map.Entry<String, JsonNode> fieldB = fieldsB.next();
            int c = compareCodePoints(fieldA.getKey(), fieldB.getKey());
            if (c == 0) {
                c = compare(fieldA.getValue(), fieldB.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(fieldsA.hasNext(), fieldsB.hasNext());
    }

    private static int compareArrays(JsonNode a, JsonNode b) {
        int shorter = Math.min(a.size(), b.size());
        for (int i = 0; i < shorter; i++) {
            int c = compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
