package io.offlinestore;

import io.offlinestore.internal.Quantities;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * When a collection's documents may be evicted: removed locally to bound what the collection
 * holds. Eviction is housekeeping, not a delete: it writes no change record, so sync never sends
 * it to a server, and it never removes a document with unsynchronized changes or one a
 * {@code restrict} relationship protects. Set per collection with
 * {@code CollectionSchema.Builder.eviction} or {@link OfflineStore#setEvictionPolicy}; written as
 * text ({@code max-age 7d}, {@code max-size 10MB}, {@code max-documents 1000}, {@code lru 10MB},
 * {@code none}) in config files and on the command line.
 */
public final class EvictionPolicy {
    /** What bounds the collection. */
    public enum Kind {
        /** Never evict, not even to meet the store's size limit. */
        NONE("none"),
        /** Evict documents not written for longer than a duration. */
        MAX_AGE("max-age"),
        /** Evict the least recently written documents beyond a number of bytes. */
        MAX_SIZE("max-size"),
        /** Evict the least recently written documents beyond a number of documents. */
        MAX_DOCUMENTS("max-documents"),
        /** Evict the least recently used (read or written) documents beyond a number of bytes. */
        LRU("lru");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The name used in config files and on the command line. */
        public String text() {
            return text;
        }
    }

    private static final EvictionPolicy NONE = new EvictionPolicy(Kind.NONE, null, 0);

    private final Kind kind;
    private final Duration maxAge;
    private final long limit;

    private EvictionPolicy(Kind kind, Duration maxAge, long limit) {
        this.kind = kind;
        this.maxAge = maxAge;
        this.limit = limit;
    }

    /** Never evict documents of the collection. */
    public static EvictionPolicy none() {
        return NONE;
    }

    /** Evict documents last written longer ago than {@code age} (by the store's clock). */
    public static EvictionPolicy maxAge(Duration age) {
        if (age == null || age.isNegative() || age.isZero()) {
            throw new ConfigurationException("max-age must be a positive duration, got " + age);
        }
        return new EvictionPolicy(Kind.MAX_AGE, age, 0);
    }

    /** Keep at most {@code bytes} of documents, evicting the least recently written first. */
    public static EvictionPolicy maxSize(long bytes) {
        return new EvictionPolicy(Kind.MAX_SIZE, null, positive(bytes, "max-size"));
    }

    /** Keep at most {@code count} documents, evicting the least recently written first. */
    public static EvictionPolicy maxDocuments(long count) {
        return new EvictionPolicy(Kind.MAX_DOCUMENTS, null, positive(count, "max-documents"));
    }

    /** Keep at most {@code maxBytes} of documents, evicting the least recently read or written first. */
    public static EvictionPolicy lru(long maxBytes) {
        return new EvictionPolicy(Kind.LRU, null, positive(maxBytes, "lru"));
    }

    /**
     * A policy from its text form: {@code none}, {@code max-age 7d}, {@code max-size 10MB},
     * {@code max-documents 1000}, {@code lru 64MB}.
     *
     * @throws ConfigurationException naming what is wrong
     */
    public static EvictionPolicy parse(String strategy, String value) {
        String kind = strategy == null ? "" : strategy.trim().toLowerCase(Locale.ROOT);
        if (kind.equals("none")) {
            if (value != null && !value.isBlank()) {
                throw new ConfigurationException("eviction strategy 'none' takes no value, got '" + value + "'");
            }
            return none();
        }
        if (value == null || value.isBlank()) {
            if (!kind.equals("max-age") && !kind.equals("max-size") && !kind.equals("max-documents")
                    && !kind.equals("lru")) {
                throw unknown(strategy);
            }
            throw new ConfigurationException("eviction strategy '" + kind + "' needs a value");
        }
        return switch (kind) {
            case "max-age" -> maxAge(Quantities.duration(value));
            case "max-size" -> maxSize(Quantities.bytes(value));
            case "lru" -> lru(Quantities.bytes(value));
            case "max-documents" -> maxDocuments(count(value));
            default -> throw unknown(strategy);
        };
    }

    /** A policy from one string, as {@link #toString()} writes it: {@code "max-age 7d"}. */
    public static EvictionPolicy parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        int space = t.indexOf(' ');
        return space < 0 ? parse(t, null) : parse(t.substring(0, space), t.substring(space + 1));
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#MAX_AGE}, the age; otherwise null. */
    public Duration maxAge() {
        return maxAge;
    }

    /** The bound in bytes or documents; 0 for {@code none} and {@code max-age}. */
    public long limit() {
        return limit;
    }

    /** Whether the policy bounds the collection's bytes ({@code max-size}, {@code lru}). */
    public boolean boundsBytes() {
        return kind == Kind.MAX_SIZE || kind == Kind.LRU;
    }

    /** The text form: {@code none}, {@code max-age 7d}, {@code max-size 10MB}, ... */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> kind.text();
            case MAX_AGE -> kind.text() + " " + Quantities.format(maxAge);
            case MAX_DOCUMENTS -> kind.text() + " " + limit;
            default -> kind.text() + " " + Quantities.formatBytes(limit);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvictionPolicy other && kind == other.kind && limit == other.limit
                && Objects.equals(maxAge, other.maxAge);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, maxAge, limit);
    }

    private static long positive(long value, String what) {
        if (value <= 0) {
            throw new ConfigurationException(what + " must be positive, got " + value);
        }
        return value;
    }

    private static long count(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("max-documents must be a whole number, got '" + value + "'");
        }
    }

    private static ConfigurationException unknown(String strategy) {
        return new ConfigurationException("unknown eviction strategy '" + strategy
                + "': expected none, max-age, max-size, max-documents or lru");
    }
}
