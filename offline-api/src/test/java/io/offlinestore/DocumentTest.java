package io.offlinestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents: parsing, dotted-path getters, ids, and immutability. */
class DocumentTest {
    private final Document doc = Document.parse(
            "{\"id\":\"u1\",\"name\":\"Ada\",\"age\":36,\"price\":19.99,\"ok\":true,"
                    + "\"address\":{\"city\":\"London\"},\"tags\":[\"a\",\"b\"],\"big\":12345678901234567890}");

    @Test
    void gettersFollowDottedPaths() {
        assertEquals("London", doc.getString("address.city"));
        assertEquals(36, doc.getInteger("age"));
        assertEquals(36L, doc.getLong("age"));
        assertEquals(new BigDecimal("19.99"), doc.getDecimal("price"));
        assertEquals(new BigDecimal("12345678901234567890"), doc.getDecimal("big"), "big numbers stay exact");
        assertTrue(doc.getBoolean("ok"));
        assertEquals(List.of("a", "b"), doc.getList("tags"));
        assertEquals("b", doc.getString("tags.1"));
        assertEquals("London", doc.getDocument("address").orElseThrow().getString("city"));
        assertNull(doc.getString("address.zip"));
        assertNull(doc.getLong("name"), "a string is not a number");
        assertFalse(doc.has("nope.deeper"));
    }

    @Test
    void idsAreStringsOrLongs() {
        assertEquals("u1", doc.id());
        assertEquals(7L, Document.parse("{\"id\":7}").id());
        assertEquals(7L, Document.parse("{\"id\":7.0}").id());
        assertNull(Document.parse("{\"x\":1}").id());
        assertEquals("k", Document.parse("{\"meta\":{\"key\":\"k\"}}").withKeyPath("meta.key").id());
        assertThrows(InvalidDocumentException.class, () -> Document.parse("{\"id\":[1]}").id());
        assertThrows(InvalidDocumentException.class, () -> Document.parse("{\"id\":1.5}").id());
    }

    @Test
    void withAndWithoutReturnCopies() {
        Document changed = doc.with("address.zip", "N1").with("extra.deep.value", 1).without("tags");
        assertEquals("N1", changed.getString("address.zip"));
        assertEquals(1, changed.getInteger("extra.deep.value"));
        assertFalse(changed.has("tags"));
        assertFalse(doc.has("address.zip"), "the original is unchanged");
        assertTrue(doc.has("tags"));
        assertThrows(InvalidDocumentException.class, () -> doc.with("name.first", "x"));
    }

    @Test
    void copiesOutAreIndependent() {
        doc.toJsonNode().put("name", "changed");
        assertEquals("Ada", doc.getString("name"));
        Map<String, Object> map = doc.toMap();
        map.put("name", "changed");
        assertEquals("Ada", doc.getString("name"));
    }

    @Test
    void parseRejectsNonObjectsAndBadJsonWithTypedErrors() {
        assertTrue(assertThrows(InvalidDocumentException.class, () -> Document.parse("42")).getMessage().contains("object"));
        InvalidDocumentException bad = assertThrows(InvalidDocumentException.class, () -> Document.parse("{\"a\":}"));
        assertTrue(bad.getMessage().contains("line 1"), bad.getMessage());
        assertThrows(InvalidDocumentException.class, () -> Document.parse("{\"a\":1,\"a\":2}"));
        assertThrows(InvalidDocumentException.class, () -> Document.parse("{\"a\":1} trailing"));
    }

    @Test
    void equalityIsByContent() {
        assertEquals(Document.of(Map.of("a", 1)), Document.parse("{\"a\":1}"));
        assertEquals(Document.parse("{\"a\":1}").hashCode(), Document.of(Map.of("a", 1)).hashCode());
    }
}
