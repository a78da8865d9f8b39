package io.offlinestore.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ValueOrderTest {

    @Property
    void isATotalOrder(@ForAll("clusters") List<JsonNode> values) {
        for (JsonNode a : values) {
            assertEquals(0, ValueOrder.compare(a, a == null ? null : a.deepCopy()));
            for (JsonNode b : values) {
                int ab = ValueOrder.compare(a, b);
                assertEquals(Integer.signum(ab), -Integer.signum(ValueOrder.compare(b, a)), "antisymmetric");
                for (JsonNode c : values) {
                    int bc = ValueOrder.compare(b, c);
                    int ac = ValueOrder.compare(a, c);
                    if (ab <= 0 && bc <= 0) {
                        assertTrue(ac <= 0, "transitive");
                    }
                    if (ab == 0) {
                        assertEquals(Integer.signum(ac), Integer.signum(bc), "equal values compare alike");
                    }
                }
            }
        }
    }

    @Property
    void numericValueEqualityAgreesWithOrder(@ForAll("numbers") JsonNode a, @ForAll("numbers") JsonNode b) {
        NumericValue x = NumericValue.of(a);
        NumericValue y = NumericValue.of(b);
        assertEquals(x.compareTo(y) == 0, x.equals(y));
        if (x.equals(y)) {
            assertEquals(x.hashCode(), y.hashCode());
        }
        assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(ValueOrder.compare(a, b)));
    }

    @Provide
    Arbitrary<List<JsonNode>> clusters() {
        return JsonValues.clusters();
    }

    @Provide
    Arbitrary<JsonNode> numbers() {
        return JsonValues.numbers();
    }

    @Test
    void typeBracketsAreOrderedLikeMongoDb() {
        List<JsonNode> ascending = List.of(
                NullNode.getInstance(),
                DoubleNode.valueOf(Double.NaN),
                DoubleNode.valueOf(Double.NEGATIVE_INFINITY),
                DecimalNode.valueOf(new BigDecimal("-1E+400")),
                LongNode.valueOf(Long.MIN_VALUE),
                IntNode.valueOf(-1),
                DecimalNode.valueOf(new BigDecimal("-1E-400")),
                IntNode.valueOf(0),
                DoubleNode.valueOf(Double.MIN_VALUE),
                DoubleNode.valueOf(0.5),
                IntNode.valueOf(1),
                DecimalNode.valueOf(new BigDecimal("1E+400")),
                DoubleNode.valueOf(Double.POSITIVE_INFINITY),
                TextNode.valueOf(""),
                TextNode.valueOf("\u0000"),
                TextNode.valueOf("a"),
                TextNode.valueOf("\uFFFF"),
                TextNode.valueOf("\uD83D\uDE00"),
                json("{}"),
                json("{\"a\":1}"),
                json("{\"a\":1,\"b\":0}"),
                json("{\"a\":2}"),
                json("{\"b\":0}"),
                json("[]"),
                json("[1]"),
                json("[1,2]"),
                json("[2]"),
                BinaryNode.valueOf(new byte[0]),
                BinaryNode.valueOf(new byte[] {0}),
                BinaryNode.valueOf(new byte[] {0, 0}),
                BinaryNode.valueOf(new byte[] {(byte) 0xFF}),
                BooleanNode.FALSE,
                BooleanNode.TRUE);
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)),
                        Integer.signum(ValueOrder.compare(ascending.get(i), ascending.get(j))),
                        ascending.get(i) + " vs " + ascending.get(j));
            }
        }
    }

    @Test
    void nullAndMissingAreEqual() {
        assertEquals(0, ValueOrder.compare(null, NullNode.getInstance()));
        assertEquals(0, ValueOrder.compare(MissingNode.getInstance(), NullNode.getInstance()));
        assertEquals(0, ValueOrder.COMPARATOR.compare(null, MissingNode.getInstance()));
    }

    @Test
    void numbersCompareByValueWhateverTheirNodeType() {
        JsonNode one = IntNode.valueOf(1);
        for (JsonNode same : List.of(LongNode.valueOf(1), ShortNode.valueOf((short) 1),
                BigIntegerNode.valueOf(BigInteger.ONE), DoubleNode.valueOf(1.0), FloatNode.valueOf(1.0f),
                DecimalNode.valueOf(new BigDecimal("1.00")), DecimalNode.valueOf(new BigDecimal("0.1E+1")),
                json("1.00"))) {
            assertEquals(0, ValueOrder.compare(one, same), same.getClass().getSimpleName() + " " + same);
        }
    }

    @Test
    void doublesCompareByTheirShortestDecimal() {
        assertEquals(0, ValueOrder.compare(DoubleNode.valueOf(0.1), DecimalNode.valueOf(new BigDecimal("0.1"))));
        assertEquals(0, ValueOrder.compare(FloatNode.valueOf(0.1f), DecimalNode.valueOf(new BigDecimal("0.1"))));
        assertEquals(0, ValueOrder.compare(DoubleNode.valueOf(0.1), json("0.1")));
    }

    @Test
    void longsBeyondDoublePrecisionStayExact() {
        long twoTo53 = 1L << 53;
        JsonNode exactLong = LongNode.valueOf(twoTo53 + 1);
        JsonNode nearestDouble = DoubleNode.valueOf((double) (twoTo53 + 1));
        assertEquals(twoTo53, (long) nearestDouble.doubleValue());
        assertTrue(ValueOrder.compare(exactLong, nearestDouble) > 0);
        assertTrue(ValueOrder.compare(nearestDouble, exactLong) < 0);
        assertEquals(0, ValueOrder.compare(LongNode.valueOf(twoTo53), nearestDouble));
        assertTrue(ValueOrder.compare(LongNode.valueOf(Long.MAX_VALUE), DoubleNode.valueOf(0x1p63)) < 0);
        assertTrue(ValueOrder.compare(exactLong, LongNode.valueOf(twoTo53)) > 0);
        assertTrue(ValueOrder.compare(IntNode.valueOf(Integer.MAX_VALUE), LongNode.valueOf(Integer.MAX_VALUE + 1L)) < 0);
    }

    @Test
    void nonFiniteNumbersAndNegativeZero() {
        JsonNode nan = DoubleNode.valueOf(Double.NaN);
        assertEquals(0, ValueOrder.compare(nan, FloatNode.valueOf(Float.NaN)));
        assertTrue(ValueOrder.compare(nan, DoubleNode.valueOf(Double.NEGATIVE_INFINITY)) < 0);
        assertTrue(ValueOrder.compare(DoubleNode.valueOf(Double.POSITIVE_INFINITY),
                DecimalNode.valueOf(new BigDecimal("1E+999999"))) > 0);
        assertEquals(0, ValueOrder.compare(DoubleNode.valueOf(-0.0), IntNode.valueOf(0)));
        assertEquals(0, ValueOrder.compare(FloatNode.valueOf(-0.0f), DecimalNode.valueOf(new BigDecimal("0E-5"))));
    }

    @Test
    void stringsCompareByCodePointNotUtf16Unit() {
        String bmpLast = "\uFFFF";
        String supplementary = new String(Character.toChars(0x10000));
        assertTrue(bmpLast.compareTo(supplementary) > 0, "UTF-16 order");
        assertTrue(ValueOrder.compare(TextNode.valueOf(bmpLast), TextNode.valueOf(supplementary)) < 0);
    }

    @Test
    void typeRankBracketsNumbersApartFromStrings() {
        assertEquals(ValueOrder.typeRank(IntNode.valueOf(5)), ValueOrder.typeRank(DoubleNode.valueOf(Double.NaN)));
        assertNotEquals(ValueOrder.typeRank(IntNode.valueOf(5)), ValueOrder.typeRank(TextNode.valueOf("6")));
        assertEquals(0, ValueOrder.typeRank(null));
        assertEquals(0, ValueOrder.typeRank(MissingNode.getInstance()));
        assertEquals(6, ValueOrder.typeRank(BooleanNode.TRUE));
    }

    @Test
    void rejectsWhatIsNotAJsonValue() {
        assertThrows(IllegalArgumentException.class, () -> ValueOrder.typeRank(new POJONode(new Object())));
        JsonNode huge = DecimalNode.valueOf(new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueOrder.compare(huge, DoubleNode.valueOf(0.5)));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }

    @Test
    void numericValueExposesTheStrippedExactValue() {
        NumericValue value = NumericValue.of(DecimalNode.valueOf(new BigDecimal("12.500")));
        assertEquals(NumericValue.Kind.FINITE, value.kind());
        assertEquals(new BigDecimal("12.5"), value.value());
        assertEquals(value, NumericValue.of(DoubleNode.valueOf(12.5)));
        assertEquals(NumericValue.Kind.NAN, NumericValue.of(FloatNode.valueOf(Float.NaN)).kind());
        assertThrows(IllegalStateException.class,
                () -> NumericValue.of(DoubleNode.valueOf(Double.POSITIVE_INFINITY)).value());
        assertThrows(IllegalArgumentException.class, () -> NumericValue.of(TextNode.valueOf("1")));
    }

    static JsonNode json(String text) {
        try {
            return EngineJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
