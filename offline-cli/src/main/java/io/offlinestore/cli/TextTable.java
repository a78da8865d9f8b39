package io.offlinestore.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain-text table for people: a header, a rule, then the rows, columns two spaces apart.
 * A column whose cells are all numbers is right-aligned; missing cells are blank.
 */
final class TextTable {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Adds a row; it may have fewer cells than there are columns, not more. */
    void add(List<String> cells) {
        if (cells.size() > headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, the table " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    /** Prints the table, one line per row. */
    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        boolean[] numeric = new boolean[headers.size()];
        for (int column = 0; column < headers.size(); column++) {
            widths[column] = headers.get(column).length();
            numeric[column] = !rows.isEmpty();
            for (List<String> row : rows) {
                String cell = cell(row, column);
                widths[column] = Math.max(widths[column], cell.length());
                numeric[column] &= NUMBER.matcher(cell).matches();
            }
        }
        line(out, headers, widths, numeric);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths, numeric);
        rows.forEach(row -> line(out, row, widths, numeric));
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder text = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            String cell = cell(cells, column);
            String padding = " ".repeat(widths[column] - cell.length());
            text.append(column == 0 ? "" : "  ").append(numeric[column] ? padding + cell : cell + padding);
        }
        out.println(text.toString().stripTrailing());
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }
}
