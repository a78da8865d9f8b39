package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.query.Direction;
import io.offlinestore.query.Filters;
import io.offlinestore.query.SortKey;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The argument converters: ids, sort keys, filters, collection names. */
class ConvertersTest {
    private final DocumentIdConverter ids = new DocumentIdConverter();
    private final SortKeyConverter sortKeys = new SortKeyConverter();

    @Test
    void idsAreJsonIntegersQuotedJsonStringsOrPlainText() {
        assertEquals(7L, ids.convert("7"));
        assertEquals(-12L, ids.convert("-12"));
        assertEquals(0L, ids.convert("0"));
        assertEquals("7", ids.convert("\"7\""));
        assertEquals("a \"quoted\" id", ids.convert("\"a \\\"quoted\\\" id\""));
        assertEquals("user123", ids.convert("user123"));
        assertEquals("007", ids.convert("007"), "not a JSON integer, so text");
        assertEquals("1.5", ids.convert("1.5"));
        assertEquals("true", ids.convert("true"));
    }

    @Test
    void idsThatCannotBeStoredAreRejected() {
        TypeConversionException tooBig = assertThrows(TypeConversionException.class,
                () -> ids.convert("9223372036854775808"));
        assertTrue(tooBig.getMessage().contains("'\"9223372036854775808\"'"), tooBig.getMessage());
        assertThrows(TypeConversionException.class, () -> ids.convert("\"bad \\x escape\""));
    }

    @Test
    void sortKeysDefaultToAscending() {
        assertEquals(new SortKey("name", Direction.ASC), sortKeys.convert("name"));
        assertEquals(new SortKey("address.city", Direction.DESC), sortKeys.convert("address.city:desc"));
        assertEquals(new SortKey("age", Direction.ASC), sortKeys.convert("age:ASC"));
        assertThrows(TypeConversionException.class, () -> sortKeys.convert("age:sideways"));
        assertThrows(TypeConversionException.class, () -> sortKeys.convert(":desc"));
    }

    @Test
    void filtersParseOrNameTheirClause() {
        assertEquals(Filters.where("age").gt(3), new FilterConverter().convert("{\"age\":{\"$gt\":3}}"));
        TypeConversionException bad = assertThrows(TypeConversionException.class,
                () -> new FilterConverter().convert("{\"$or\":{}}"));
        assertTrue(bad.getMessage().startsWith("in $or: "), bad.getMessage());
    }

    @Test
    void collectionNamesFollowTheStoreRule() {
        assertEquals("orders_2024", new CollectionNameConverter().convert("orders_2024"));
        assertThrows(TypeConversionException.class, () -> new CollectionNameConverter().convert("a/b"));
    }
}
