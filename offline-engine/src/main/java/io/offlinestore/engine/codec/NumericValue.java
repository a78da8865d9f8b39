package io.offlinestore.engine.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The exact value of a JSON number, whatever Jackson node type holds it, so that {@code 1},
 * {@code 1L}, {@code 1.0} and {@code 1.00} are the same value.
 *
 * <p>Integral nodes become their exact {@link BigDecimal}; a {@code DoubleNode} becomes
 * {@link BigDecimal#valueOf(double)} (the shortest decimal that reads back as the same double,
 * so the double {@code 0.1} equals the decimal {@code 0.1}); a {@code FloatNode} becomes the
 * decimal of {@link Float#toString(float)}; a {@code DecimalNode} keeps its value. Trailing zeros
 * are stripped and {@code -0.0} is zero. Non-finite doubles and floats are ordered
 * NaN &lt; -Infinity &lt; every finite value &lt; +Infinity; NaN equals NaN.
 *
 * <p>Natural order, {@link #equals} and {@link #hashCode} agree.
 */
public final class NumericValue implements Comparable<NumericValue> {

    /** The kinds of number, declared in their order. */
    public enum Kind {
        /** Not a number: the smallest number, equal only to itself. */
        NAN,
        /** Negative infinity. */
        NEGATIVE_INFINITY,
        /** A finite value, held exactly. */
        FINITE,
        /** Positive infinity. */
        POSITIVE_INFINITY
    }

    private static final NumericValue NAN = new NumericValue(Kind.NAN, null);
    private static final NumericValue NEGATIVE_INFINITY = new NumericValue(Kind.NEGATIVE_INFINITY, null);
    private static final NumericValue POSITIVE_INFINITY = new NumericValue(Kind.POSITIVE_INFINITY, null);

    private final Kind kind;
    private final BigDecimal value;

    private NumericValue(Kind kind, BigDecimal value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * The value of a number node.
     *
     * @throws IllegalArgumentException if the node is not a number, or is a decimal whose
     *     decimal exponent (precision minus scale) lies outside the {@code int} range
     */
    public static NumericValue of(JsonNode number) {
        if (!number.isNumber()) {
            throw new IllegalArgumentException("not a number: " + number.getNodeType());
        }
        return switch (number.numberType()) {
            case INT, LONG -> finite(BigDecimal.valueOf(number.longValue()));
            case BIG_INTEGER -> finite(new BigDecimal(number.bigIntegerValue()));
            case BIG_DECIMAL -> finite(number.decimalValue());
            case DOUBLE -> ofDouble(number.doubleValue());
            case FLOAT -> ofFloat(number.floatValue());
        };
    }

    private static NumericValue ofDouble(double d) {
        if (Double.isNaN(d)) {
            return NAN;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return finite(BigDecimal.valueOf(d));
    }

    private static NumericValue ofFloat(float f) {
        if (Float.isNaN(f)) {
            return NAN;
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return finite(new BigDecimal(Float.toString(f)));
    }

    private static NumericValue finite(BigDecimal value) {
        BigDecimal stripped;
        try {
            stripped = value.stripTrailingZeros();
        } catch (ArithmeticException e) {
            throw outOfRange(value);
        }
        long exponent = (long) stripped.precision() - stripped.scale();
        if (exponent != (int) exponent) {
            throw outOfRange(value);
        }
        return new NumericValue(Kind.FINITE, stripped);
    }

    private static IllegalArgumentException outOfRange(BigDecimal value) {
        return new IllegalArgumentException("number out of range: decimal exponent beyond 32 bits (scale "
                + value.scale() + ", precision " + value.precision() + ")");
    }

    /** Whether this is NaN, an infinity or a finite value. */
    public Kind kind() {
        return kind;
    }

    /**
     * The exact finite value with trailing zeros stripped; its decimal exponent
     * ({@code precision() - scale()}) fits an {@code int}.
     *
     * @throws IllegalStateException if this value is NaN or infinite
     */
    public BigDecimal value() {
        if (kind != Kind.FINITE) {
            throw new IllegalStateException(this + " has no finite value");
        }
        return value;
    }

    @Override
    public int compareTo(NumericValue other) {
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0 || kind != Kind.FINITE) {
            return byKind;
        }
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumericValue that && kind == that.kind
                && (kind != Kind.FINITE || value.equals(that.value));
    }

    @Override
    public int hashCode() {
        return kind == Kind.FINITE ? value.hashCode() : kind.hashCode();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NAN -> "NaN";
            case NEGATIVE_INFINITY -> "-Infinity";
            case FINITE -> value.toString();
            case POSITIVE_INFINITY -> "Infinity";
        };
    }
}
