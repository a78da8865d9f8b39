package io.offlinestore.engine.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of {@link KeyCodec}, with {@link ValueOrder} as the oracle. */
class KeyCodecPropertiesTest {

    @Property
    void byteOrderIsValueOrder(@ForAll("clusters") List<JsonNode> values) {
        List<byte[]> keys = values.stream().map(KeyCodec::encode).toList();
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j < values.size(); j++) {
                assertEquals(Integer.signum(ValueOrder.compare(values.get(i), values.get(j))),
                        Integer.signum(Arrays.compareUnsigned(keys.get(i), keys.get(j))),
                        () -> "order of " + values);
            }
        }
    }

    @Property
    void decodingRestoresAnEqualValue(@ForAll(supplier = JsonValues.class) JsonNode value) {
        byte[] key = KeyCodec.encode(value);
        JsonNode decoded = KeyCodec.decode(key);
        assertEquals(0, ValueOrder.compare(value, decoded), () -> value + " decoded as " + decoded);
        assertArrayEquals(key, KeyCodec.encode(decoded));
    }

    @Property
    void tupleOrderIsLexicographic(@ForAll("clusters") List<JsonNode> cluster,
            @ForAll @IntRange(min = 1, max = 3) int secondLength) {
        // element-wise near values (each value of a cluster is followed by its near copy)
        List<JsonNode> first = new ArrayList<>();
        List<JsonNode> second = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i += 2) {
            first.add(cluster.get(i));
            second.add(cluster.get(i + 1));
        }
        second = second.subList(0, Math.min(secondLength, second.size()));
        byte[] firstKey = KeyCodec.encodeTuple(first);
        byte[] secondKey = KeyCodec.encodeTuple(second);
        assertEquals(Integer.signum(lexicographic(first, second)),
                Integer.signum(Arrays.compareUnsigned(firstKey, secondKey)), () -> "order of tuples");
        assertTuplesEqual(first, KeyCodec.decodeTuple(firstKey));
        assertTuplesEqual(second, KeyCodec.decodeTuple(secondKey));
    }

    @Property
    void builderConcatenatesEncodings(@ForAll @Size(max = 3) List<@From(supplier = JsonValues.class) JsonNode> values) {
        KeyCodec.Builder builder = KeyCodec.builder();
        values.forEach(builder::add);
        byte[] concatenated = values.stream().map(KeyCodec::encode)
                .reduce(new byte[0], KeyCodecPropertiesTest::concat);
        assertArrayEquals(concatenated, builder.toBytes());
        assertArrayEquals(concatenated, KeyCodec.encodeTuple(values));
    }

    /**
     * Self-delimitation: a key splits back into its elements, and where one encoding is a byte
     * prefix of another (only a string or binary extended by NUL bytes), the shorter value sorts
     * first and the longer continues with 0xFF, above every byte that can follow a complete element.
     */
    @Property
    void elementsAreSelfDelimiting(@ForAll("clusters") List<JsonNode> values) {
        for (JsonNode x : values) {
            for (JsonNode y : values) {
                byte[] keyX = KeyCodec.encode(x);
                byte[] keyY = KeyCodec.encode(y);
                assertTuplesEqual(Arrays.asList(x, y), KeyCodec.decodeTuple(concat(keyX, keyY)));
                if (keyX.length < keyY.length && Arrays.equals(keyX, 0, keyX.length, keyY, 0, keyX.length)) {
                    assertTrue(ValueOrder.compare(x, y) < 0, () -> x + " vs " + y);
                    assertEquals((byte) 0xFF, keyY[keyX.length], () -> x + " vs " + y);
                }
            }
        }
    }

    /** The prefix-range contract the planner relies on, where prefixes really occur. */
    @Property
    void prefixRangeHoldsExactlyTheEqualLeadingElement(
            @ForAll("strings") String base, @ForAll("strings") String suffix, @ForAll boolean binary,
            @ForAll(supplier = JsonValues.class) JsonNode next) {
        JsonNode shorter = binary ? binary(base) : TextNode.valueOf(base);
        JsonNode longer = binary ? binary(base + "\u0000" + suffix) : TextNode.valueOf(base + "\u0000" + suffix);
        byte[] start = KeyCodec.encode(shorter);
        byte[] end = KeyCodec.prefixEnd(start);
        byte[] equalKey = KeyCodec.encodeTuple(shorter, next);
        byte[] longerKey = KeyCodec.encodeTuple(longer, next);
        assertTrue(Arrays.compareUnsigned(start, equalKey) <= 0 && Arrays.compareUnsigned(equalKey, end) < 0);
        assertTrue(Arrays.compareUnsigned(longerKey, end) > 0);
        assertTrue(Arrays.compareUnsigned(longerKey, KeyCodec.prefixEnd(KeyCodec.encode(longer))) < 0);
    }

    @Property
    void prefixRangeMatchesValueEquality(@ForAll(supplier = JsonValues.class) JsonNode x,
            @ForAll(supplier = JsonValues.class) JsonNode y, @ForAll(supplier = JsonValues.class) JsonNode next) {
        byte[] start = KeyCodec.encode(y);
        byte[] key = KeyCodec.encodeTuple(x, next);
        boolean inRange = Arrays.compareUnsigned(start, key) <= 0
                && Arrays.compareUnsigned(key, KeyCodec.prefixEnd(start)) < 0;
        assertEquals(ValueOrder.compare(x, y) == 0, inRange, () -> x + " in range of " + y);
    }

    @Property
    void bracketBoundsHoldExactlyTheSampleType(@ForAll(supplier = JsonValues.class) JsonNode value,
            @ForAll(supplier = JsonValues.class) JsonNode sample) {
        byte[] key = KeyCodec.encode(value);
        boolean inBracket = Arrays.compareUnsigned(KeyCodec.bracketStart(sample), key) <= 0
                && Arrays.compareUnsigned(key, KeyCodec.bracketEnd(sample)) < 0;
        assertEquals(ValueOrder.typeRank(value) == ValueOrder.typeRank(sample), inBracket);
    }

    @Provide
    Arbitrary<List<JsonNode>> clusters() {
        return JsonValues.clusters();
    }

    @Provide
    Arbitrary<String> strings() {
        return JsonValues.strings();
    }

    private static BinaryNode binary(String content) {
        return BinaryNode.valueOf(content.getBytes(StandardCharsets.UTF_8));
    }

    private static int lexicographic(List<JsonNode> a, List<JsonNode> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = ValueOrder.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static void assertTuplesEqual(List<JsonNode> expected, List<JsonNode> actual) {
        assertEquals(0, lexicographic(expected, actual), () -> expected + " decoded as " + actual);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
