package io.offlinestore.query;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The filter operators, by their MongoDB-style names. */
public enum Operator {
    EQ("$eq"), NE("$ne"), GT("$gt"), GTE("$gte"), LT("$lt"), LTE("$lte"),
    IN("$in"), NIN("$nin"), EXISTS("$exists"), REGEX("$regex"), OPTIONS("$options"),
    SIZE("$size"), ALL("$all"), ELEM_MATCH("$elemMatch"), NOT("$not"),
    AND("$and"), OR("$or"), NOR("$nor");

    private static final Map<String, Operator> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(Operator::symbol, Function.identity()));

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in JSON filters, e.g. {@code $gte}. */
    public String symbol() {
        return symbol;
    }

    /** The operator with that JSON name. */
    public static Optional<Operator> bySymbol(String symbol) {
        return Optional.ofNullable(BY_NAME.get(symbol));
    }

    /** Whether this is one of {@code $and $or $nor}, which combine whole filters. */
    public boolean isLogical() {
        return this == AND || this == OR || this == NOR;
    }

    /** Whether this compares a value by order ({@code $gt $gte $lt $lte}). */
    public boolean isRange() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }
}
