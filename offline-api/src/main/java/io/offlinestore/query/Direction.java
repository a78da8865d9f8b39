package io.offlinestore.query;

import java.util.Locale;

/** Sort direction. */
public enum Direction {
    ASC, DESC;

    /** Parses {@code asc}/{@code desc} in any case. */
    public static Direction parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "asc", "ascending", "1" -> ASC;
            case "desc", "descending", "-1" -> DESC;
            default -> throw new IllegalArgumentException("sort direction must be 'asc' or 'desc', got '" + text + "'");
        };
    }
}
