package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsTextLeftAndNumberColumnsRight() {
        TextTable table = new TextTable(List.of("name", "total", "note"));
        table.add(List.of("order456", "99.99", "pending"));
        table.add(List.of("o2", "310.00"));

        assertEquals("""
                name       total  note
                --------  ------  -------
                order456   99.99  pending
                o2        310.00
                """, print(table));
    }

    @Test
    void aHeaderOnlyTableHasNoNumericColumns() {
        assertEquals("a  b\n-  -\n", print(new TextTable(List.of("a", "b"))));
    }

    @Test
    void rejectsRowsWiderThanTheHeader() {
        TextTable table = new TextTable(List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> table.add(List.of("1", "2")));
    }

    private static String print(TextTable table) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            table.print(out);
        }
        return text.toString();
    }
}
