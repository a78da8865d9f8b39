package io.offlinestore.engine.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Arbitrary JSON values for property tests: nested objects and arrays up to depth 3; strings with
 * NUL, non-ASCII and supplementary code points; numbers of every Jackson node type, including
 * values equal across types, big and tiny magnitudes and non-finite doubles; binary; booleans;
 * JSON null, missing and Java {@code null}. Small alphabets make equal values and shared prefixes
 * common, which is where order bugs hide.
 */
final class JsonValues implements ArbitrarySupplier<JsonNode> {
    private static final BigInteger BIG = BigInteger.TEN.pow(40);
    /** Code points at the edges of UTF-8 lengths and of UTF-16 order (U+FFFF sorts after U+10000 there). */
    private static final List<Integer> CODE_POINTS =
            List.of(0, (int) 'a', (int) 'b', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0xE000, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF);

    @Override
    public Arbitrary<JsonNode> get() {
        return values();
    }

    /** Any value, occasionally a Java {@code null}. */
    static Arbitrary<JsonNode> values() {
        return nested(3).injectNull(0.02);
    }

    /**
     * One to three values, each followed by a near copy: equal but held in other node types, or
     * differing at a few leaves (a string extended by NUL or a code point or with its last code
     * point replaced, a number nudged by its last digit or by 10^-30, a boolean flipped, an
     * element or field dropped). Near values reach equality, shared prefixes and deep
     * differences, which independent random values seldom do.
     */
    static Arbitrary<List<JsonNode>> clusters() {
        return Combinators.combine(values().list().ofMinSize(1).ofMaxSize(3), Arbitraries.randoms())
                .as((bases, random) -> {
                    List<JsonNode> cluster = new ArrayList<>();
                    for (JsonNode base : bases) {
                        cluster.add(base);
                        cluster.add(nearCopy(base, random));
                    }
                    return cluster;
                });
    }

    private static JsonNode nearCopy(JsonNode value, Random random) {
        boolean change = random.nextInt(4) == 0;
        int kept = value == null ? 0 : value.size() - (change ? 1 : 0);
        return switch (ValueOrder.bracket(value)) {
            case NULL -> random.nextBoolean() ? NullNode.getInstance() : MissingNode.getInstance();
            case NUMBER -> change ? nudged(NumericValue.of(value), random) : retyped(NumericValue.of(value), random);
            case STRING -> TextNode.valueOf(change ? changed(value.textValue(), random) : value.textValue());
            case BINARY -> {
                byte[] bytes = ((BinaryNode) value).binaryValue();
                yield change ? BinaryNode.valueOf(Arrays.copyOf(bytes, bytes.length + 1)) : value;
            }
            case BOOLEAN -> BooleanNode.valueOf(change != value.booleanValue());
            case ARRAY -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < kept; i++) {
                    array.add(nearCopy(value.get(i), random));
                }
                yield array;
            }
            case OBJECT -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
                for (int i = 0; i < kept; i++) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.set(field.getKey(), nearCopy(field.getValue(), random));
                }
                yield object;
            }
        };
    }

    private static JsonNode retyped(NumericValue number, Random random) {
        return switch (number.kind()) {
            case NAN -> FloatNode.valueOf(Float.NaN);
            case NEGATIVE_INFINITY -> FloatNode.valueOf(Float.NEGATIVE_INFINITY);
            case POSITIVE_INFINITY -> FloatNode.valueOf(Float.POSITIVE_INFINITY);
            case FINITE -> anyExactForm(number.value(), random);
        };
    }

    private static JsonNode nudged(NumericValue number, Random random) {
        if (number.kind() != NumericValue.Kind.FINITE) {
            return DoubleNode.valueOf(random.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE);
        }
        BigDecimal value = number.value();
        BigDecimal step = random.nextBoolean() ? value.ulp() : new BigDecimal("1E-30");
        return anyExactForm(random.nextBoolean() ? value.add(step) : value.subtract(step), random);
    }

    /** The value in a node type picked among those that hold it exactly. */
    private static JsonNode anyExactForm(BigDecimal value, Random random) {
        List<JsonNode> forms = new ArrayList<>();
        forms.add(DecimalNode.valueOf(value.setScale(value.scale() + 2)));
        double asDouble = value.doubleValue();
        if (Double.isFinite(asDouble) && BigDecimal.valueOf(asDouble).compareTo(value) == 0) {
            forms.add(DoubleNode.valueOf(asDouble));
        }
        if (value.stripTrailingZeros().scale() <= 0 && value.precision() - value.scale() <= 40) {
            BigInteger integral = value.toBigIntegerExact();
            forms.add(BigIntegerNode.valueOf(integral));
            if (integral.bitLength() < Long.SIZE) {
                forms.add(LongNode.valueOf(integral.longValue()));
            }
        }
        return forms.get(random.nextInt(forms.size()));
    }

    /** Appends NUL, NUL and a letter, or a code point, or replaces or drops the last code point. */
    private static String changed(String s, Random random) {
        String trimmed = s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(s.length(), -1));
        String codePoint = Character.toString(CODE_POINTS.get(random.nextInt(CODE_POINTS.size())));
        return switch (random.nextInt(5)) {
            case 0 -> s + "\u0000";
            case 1 -> s + "\u0000a";
            case 2 -> s + codePoint;
            case 3 -> trimmed + codePoint;
            default -> trimmed;
        };
    }

    private static Arbitrary<JsonNode> nested(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> inner = nested(depth - 1);
        Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(3).map(JsonValues::array);
        Arbitrary<JsonNode> objects = Combinators.combine(names(), inner).as(Map::entry)
                .list().ofMaxSize(3).map(JsonValues::object);
        return Arbitraries.frequencyOf(Tuple.of(6, scalars()), Tuple.of(1, arrays), Tuple.of(1, objects));
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(NullNode.getInstance(), MissingNode.getInstance(),
                        BooleanNode.FALSE, BooleanNode.TRUE)),
                Tuple.of(4, numbers()),
                Tuple.of(3, strings().map(TextNode::valueOf)),
                Tuple.of(1, binaries()));
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(List.of(
                smallNumbers(),
                Arbitraries.integers().map(IntNode::valueOf),
                Arbitraries.shorts().map(ShortNode::valueOf),
                Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.bigIntegers().between(BIG.negate(), BIG).map(BigIntegerNode::valueOf),
                decimals().map(DecimalNode::valueOf),
                doubles().map(DoubleNode::valueOf),
                Arbitraries.floats().withStandardSpecialValues().withSpecialValue(-0.0f).map(FloatNode::valueOf)));
    }

    /** Values from -3.0 to 3.0 in steps of 0.1, held by every node type that can hold them. */
    private static Arbitrary<JsonNode> smallNumbers() {
        return Combinators.combine(Arbitraries.integers().between(-30, 30), Arbitraries.integers().between(0, 6))
                .as((tenths, type) -> asNode(BigDecimal.valueOf(tenths, 1), type));
    }

    private static JsonNode asNode(BigDecimal value, int type) {
        boolean integral = value.stripTrailingZeros().scale() <= 0;
        return switch (integral ? type : type % 3) {
            case 0 -> DecimalNode.valueOf(value.setScale(3));
            case 1 -> DoubleNode.valueOf(value.doubleValue());
            case 2 -> FloatNode.valueOf(value.floatValue());
            case 3 -> IntNode.valueOf(value.intValueExact());
            case 4 -> LongNode.valueOf(value.longValueExact());
            case 5 -> ShortNode.valueOf(value.shortValueExact());
            default -> BigIntegerNode.valueOf(value.toBigIntegerExact());
        };
    }

    /** Decimals with up to 26 digits and exponents far beyond a double's range either way. */
    private static Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers().between(BigInteger.TEN.pow(26).negate(),
                BigInteger.TEN.pow(26));
        Arbitrary<Integer> scales = Arbitraries.integers().between(-400, 400);
        return Combinators.combine(unscaled, scales).as(BigDecimal::new);
    }

    /** Doubles of every bit pattern (subnormals, NaNs) and the usual special values. */
    private static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.doubles().withStandardSpecialValues().withSpecialValue(-0.0),
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.of(0.1, 9007199254740992.0, Double.MAX_VALUE, -Double.MIN_VALUE)));
    }

    static Arbitrary<String> strings() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(CODE_POINTS)),
                Tuple.of(1, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)));
        return codePoints.list().ofMaxSize(4).map(cps -> {
            StringBuilder s = new StringBuilder();
            cps.forEach(s::appendCodePoint);
            return s.toString();
        });
    }

    private static Arbitrary<String> names() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("a", "b", "", "a\u0000")), Tuple.of(1, strings()));
    }

    private static Arbitrary<JsonNode> binaries() {
        return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x7F, (byte) 0x80, (byte) 0xFF)
                .list().ofMaxSize(4)
                .map(bytes -> {
                    byte[] array = new byte[bytes.size()];
                    for (int i = 0; i < array.length; i++) {
                        array[i] = bytes.get(i);
                    }
                    return BinaryNode.valueOf(array);
                });
    }

    private static JsonNode array(List<JsonNode> elements) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    private static JsonNode object(List<Map.Entry<String, JsonNode>> fields) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        fields.forEach(field -> object.set(field.getKey(), field.getValue()));
        return object;
    }
}
