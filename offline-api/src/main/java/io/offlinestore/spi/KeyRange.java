package io.offlinestore.spi;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A range of byte keys in unsigned lexicographic order. A {@code null} bound is open-ended;
 * each bound is inclusive or exclusive.
 */
public final class KeyRange {
    private static final KeyRange ALL = new KeyRange(null, true, null, true);

    private final byte[] start;
    private final boolean startInclusive;
    private final byte[] end;
    private final boolean endInclusive;

    private KeyRange(byte[] start, boolean startInclusive, byte[] end, boolean endInclusive) {
        this.start = start == null ? null : start.clone();
        this.startInclusive = startInclusive;
        this.end = end == null ? null : end.clone();
        this.endInclusive = endInclusive;
    }

    /** Every key. */
    public static KeyRange all() {
        return ALL;
    }

    /** Keys between the bounds; a {@code null} bound is open. */
    public static KeyRange of(byte[] start, boolean startInclusive, byte[] end, boolean endInclusive) {
        return new KeyRange(start, startInclusive, end, endInclusive);
    }

    /** Keys from {@code start} (inclusive) to {@code end} (exclusive). */
    public static KeyRange halfOpen(byte[] start, byte[] end) {
        return new KeyRange(start, true, end, false);
    }

    /** Every key that starts with the prefix. */
    public static KeyRange prefix(byte[] prefix) {
        return new KeyRange(prefix, true, successor(prefix), false);
    }

    /**
     * The first key greater than every key that starts with {@code prefix}, or {@code null} when
     * the prefix is all {@code 0xFF} bytes (no such key).
     */
    public static byte[] successor(byte[] prefix) {
        int last = prefix.length - 1;
        while (last >= 0 && prefix[last] == (byte) 0xFF) {
            last--;
        }
        if (last < 0) {
            return null;
        }
        byte[] next = Arrays.copyOf(prefix, last + 1);
        next[last]++;
        return next;
    }

    /** Unsigned lexicographic comparison, the order of keys in every backend. */
    public static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    /** Whether the key lies in this range. */
    public boolean contains(byte[] key) {
        return !isBelowStart(key) && !isAboveEnd(key);
    }

    /** Whether the key sorts before the start bound. */
    public boolean isBelowStart(byte[] key) {
        if (start == null) {
            return false;
        }
        int c = compare(key, start);
        return startInclusive ? c < 0 : c <= 0;
    }

    /** Whether the key sorts after the end bound. */
    public boolean isAboveEnd(byte[] key) {
        if (end == null) {
            return false;
        }
        int c = compare(key, end);
        return endInclusive ? c > 0 : c >= 0;
    }

    /** Whether no key can lie in the range. */
    public boolean isEmpty() {
        if (start == null || end == null) {
            return false;
        }
        int c = compare(start, end);
        return c > 0 || (c == 0 && !(startInclusive && endInclusive));
    }

    /** The start bound (a copy), or {@code null} when open. */
    public byte[] start() {
        return start == null ? null : start.clone();
    }

    public boolean startInclusive() {
        return startInclusive;
    }

    /** The end bound (a copy), or {@code null} when open. */
    public byte[] end() {
        return end == null ? null : end.clone();
    }

    public boolean endInclusive() {
        return endInclusive;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRange r && Arrays.equals(start, r.start) && Arrays.equals(end, r.end)
                && startInclusive == r.startInclusive && endInclusive == r.endInclusive;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(end) + (startInclusive ? 2 : 0) + (endInclusive ? 1 : 0);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return (startInclusive ? "[" : "(") + (start == null ? "-inf" : hex.formatHex(start)) + ", "
                + (end == null ? "+inf" : hex.formatHex(end)) + (endInclusive ? "]" : ")");
    }
}
