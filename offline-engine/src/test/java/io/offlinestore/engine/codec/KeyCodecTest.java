package io.offlinestore.engine.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Example-based tests of {@link KeyCodec}: the byte layout, brackets, decoding and rejections. */
class KeyCodecTest {

    @Test
    void encodesTheSpecifiedLayout() {
        assertEncoding("10", NullNode.getInstance());
        assertEncoding("10", MissingNode.getInstance());
        assertEncoding("10", null);
        assertEncoding("20", DoubleNode.valueOf(Double.NaN));
        assertEncoding("21", DoubleNode.valueOf(Double.NEGATIVE_INFINITY));
        assertEncoding("23", DoubleNode.valueOf(-0.0));
        assertEncoding("25", DoubleNode.valueOf(Double.POSITIVE_INFINITY));
        assertEncoding("24" + "80000001" + "02" + "00", IntNode.valueOf(1));
        assertEncoding("24" + "80000001" + "02" + "00", DecimalNode.valueOf(new BigDecimal("1.00")));
        assertEncoding("24" + "80000003" + "0203040506" + "00", DoubleNode.valueOf(123.45));
        assertEncoding("24" + "7fffffff" + "06" + "00", DoubleNode.valueOf(0.05));
        assertEncoding("22" + "7ffffffe" + "fd" + "ff", IntNode.valueOf(-1));
        assertEncoding("30" + "61" + "00ff" + "00", TextNode.valueOf("a\u0000"));
        assertEncoding("30" + "f09f9880" + "00", TextNode.valueOf("\uD83D\uDE00"));
        assertEncoding("40" + "01" + "6100" + "61" + "00", ValueOrderTest.json("{\"a\":true}"));
        assertEncoding("50" + "10" + "60" + "00", ValueOrderTest.json("[null,false]"));
        assertEncoding("58" + "00ff" + "ff" + "00", BinaryNode.valueOf(new byte[] {0, (byte) 0xFF}));
        assertEncoding("60", BooleanNode.FALSE);
        assertEncoding("61", BooleanNode.TRUE);
    }

    @Test
    void bracketBoundsAreOneBytePrefixes() {
        assertBracket("10", "11", NullNode.getInstance());
        assertBracket("20", "26", IntNode.valueOf(5));
        assertBracket("30", "31", TextNode.valueOf("x"));
        assertBracket("40", "41", ValueOrderTest.json("{}"));
        assertBracket("50", "51", ValueOrderTest.json("[]"));
        assertBracket("58", "59", BinaryNode.valueOf(new byte[0]));
        assertBracket("60", "62", BooleanNode.TRUE);
    }

    @Test
    void decodesNumbersToLongOrDecimalOrDouble() {
        assertEquals(LongNode.valueOf(1), KeyCodec.decode(KeyCodec.encode(DecimalNode.valueOf(new BigDecimal("1.0")))));
        assertEquals(LongNode.valueOf(0), KeyCodec.decode(KeyCodec.encode(DoubleNode.valueOf(-0.0))));
        assertEquals(LongNode.valueOf(Long.MIN_VALUE), KeyCodec.decode(KeyCodec.encode(LongNode.valueOf(Long.MIN_VALUE))));
        BigInteger beyondLong = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        JsonNode decoded = KeyCodec.decode(KeyCodec.encode(BigIntegerNode.valueOf(beyondLong)));
        assertInstanceOf(DecimalNode.class, decoded);
        assertEquals(new BigDecimal(beyondLong), decoded.decimalValue());
        assertEquals(DecimalNode.valueOf(new BigDecimal("-0.25")), KeyCodec.decode(KeyCodec.encode(DoubleNode.valueOf(-0.25))));
        assertEquals(DecimalNode.valueOf(new BigDecimal("1E+400")),
                KeyCodec.decode(KeyCodec.encode(DecimalNode.valueOf(new BigDecimal("1E+400")))));
        assertEquals(DoubleNode.valueOf(Double.NEGATIVE_INFINITY),
                KeyCodec.decode(KeyCodec.encode(DoubleNode.valueOf(Double.NEGATIVE_INFINITY))));
        assertEquals(NullNode.getInstance(), KeyCodec.decode(KeyCodec.encode(MissingNode.getInstance())));
    }

    @Test
    void decodesTheLastElementOfAnIndexKey() {
        byte[] key = KeyCodec.encodeTuple(TextNode.valueOf("admin"), IntNode.valueOf(7), TextNode.valueOf("doc-1"));
        assertEquals(TextNode.valueOf("doc-1"), KeyCodec.decodeLast(key));
        assertEquals(List.of(TextNode.valueOf("admin"), LongNode.valueOf(7), TextNode.valueOf("doc-1")),
                KeyCodec.decodeTuple(key));
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.decodeLast(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.decode(key));
    }

    @Test
    void prefixEndExcludesStringsThatMerelyExtendThePrefix() {
        byte[] a = KeyCodec.encode(TextNode.valueOf("a"));
        byte[] aNulKey = KeyCodec.encodeTuple(TextNode.valueOf("a\u0000"), TextNode.valueOf("id"));
        byte[] aKey = KeyCodec.encodeTuple(TextNode.valueOf("a"), TextNode.valueOf("id"));
        assertArrayEquals(hex("306100ff"), KeyCodec.prefixEnd(a));
        assertTrue(Arrays.compareUnsigned(aKey, KeyCodec.prefixEnd(a)) < 0);
        assertTrue(Arrays.compareUnsigned(aNulKey, KeyCodec.prefixEnd(a)) > 0);
    }

    @Test
    void rejectsUnpairedSurrogatesInValuesAndFieldNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyCodec.encode(TextNode.valueOf("ok\uD800")));
        assertTrue(e.getMessage().contains("unpaired UTF-16 surrogate U+D800 at index 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.encode(TextNode.valueOf("\uDE00\uD83D")));
        JsonNode badFieldName = JsonNodeFactory.instance.objectNode().put("\uDC00", 1);
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.encode(badFieldName));
    }

    @Test
    void builderIsUnchangedByARejectedValue() {
        KeyCodec.Builder builder = KeyCodec.builder().add(IntNode.valueOf(1));
        assertThrows(IllegalArgumentException.class,
                () -> builder.add(JsonNodeFactory.instance.arrayNode().add("fine").add("\uD800")));
        assertThrows(IllegalArgumentException.class, () -> builder.add(new POJONode(new Object())));
        assertThrows(IllegalArgumentException.class,
                () -> builder.add(DecimalNode.valueOf(new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE))));
        assertArrayEquals(KeyCodec.encode(IntNode.valueOf(1)), builder.toBytes());
        assertArrayEquals(KeyCodec.encodeTuple(IntNode.valueOf(1), BooleanNode.TRUE),
                builder.add(BooleanNode.TRUE).toBytes());
    }

    @Test
    void rejectsMalformedKeys() {
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.decodeTuple(hex("ff")));
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.decodeTuple(hex("3061")));
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.decodeTuple(hex("248000000102")));
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.decodeTuple(hex("40026100")));
    }

    private static void assertEncoding(String expectedHex, JsonNode value) {
        assertEquals(expectedHex, HexFormat.of().formatHex(KeyCodec.encode(value)), String.valueOf(value));
    }

    private static void assertBracket(String start, String end, JsonNode sample) {
        assertArrayEquals(hex(start), KeyCodec.bracketStart(sample));
        assertArrayEquals(hex(end), KeyCodec.bracketEnd(sample));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
