package io.offlinestore.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.offlinestore.internal.Json;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

class PlainTextTest {

    @Property
    void anyStringIsWrittenAsJsonWritesItAndReadsBack(@ForAll String text) throws Exception {
        assertWrittenAsJsonAndReadBack(TextNode.valueOf(text));
    }

    @Property
    void asciiStringsTooWithQuotesAndEscapes(@ForAll @CharRange(from = 0, to = 0x7f) @Chars({'"', '\\'}) String text)
            throws Exception {
        assertWrittenAsJsonAndReadBack(TextNode.valueOf(text));
    }

    @Property
    void integersAreWrittenAsJsonWritesThem(@ForAll long number, @ForAll int small) throws Exception {
        assertWrittenAsJsonAndReadBack(LongNode.valueOf(number));
        assertWrittenAsJsonAndReadBack(IntNode.valueOf(small));
    }

    private static void assertWrittenAsJsonAndReadBack(JsonNode value) throws Exception {
        byte[] plaintext = PlainText.of(value);
        assertArrayEquals(Json.write(value).getBytes(StandardCharsets.UTF_8), plaintext);
        JsonNode fast = PlainText.simpleString(plaintext);
        assertEquals(Json.MAPPER.readTree(plaintext), fast == null ? Json.MAPPER.readTree(plaintext) : fast);
    }
}
