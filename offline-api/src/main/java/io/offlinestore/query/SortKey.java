package io.offlinestore.query;

import java.util.Locale;
import java.util.Objects;

/**
 * One sort key of a query: a dotted field path and a direction. Values of different types sort
 * in MongoDB's order: missing and null, numbers, strings, objects, arrays, booleans.
 */
public record SortKey(String field, Direction direction) {
    public SortKey {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
    }

    @Override
    public String toString() {
        return field + " " + direction.name().toLowerCase(Locale.ROOT);
    }
}
