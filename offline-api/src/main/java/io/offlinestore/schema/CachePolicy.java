package io.offlinestore.schema;

import io.offlinestore.ConfigurationException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a collection's documents are kept in the store's read cache: in the store-wide share
 * ({@link #shared()}, the default), in a share of their own bounded by bytes ({@link #of}), or not
 * at all ({@link #none()}, for example for a collection read once). Either share can drop
 * documents not read for a while ({@link #expireAfterAccess}). Weights are the documents'
 * encoded (stored) sizes. A policy is a runtime setting: it is not stored with the schema.
 */
public final class CachePolicy {
    private static final CachePolicy SHARED = new CachePolicy(true, null, null);
    private static final CachePolicy NONE = new CachePolicy(false, null, null);

    private final boolean enabled;
    private final Long maxBytes;
    private final Duration idleExpiry;

    private CachePolicy(boolean enabled, Long maxBytes, Duration idleExpiry) {
        this.enabled = enabled;
        this.maxBytes = maxBytes;
        this.idleExpiry = idleExpiry;
    }

    /** Documents share the store-wide cache ({@code StoreOptions.cacheSize}); the default. */
    public static CachePolicy shared() {
        return SHARED;
    }

    /** Documents are never cached. */
    public static CachePolicy none() {
        return NONE;
    }

    /**
     * Documents get a cache of their own holding at most {@code maxBytes} of encoded documents.
     *
     * @throws ConfigurationException if {@code maxBytes} is not positive
     */
    public static CachePolicy of(long maxBytes) {
        return new CachePolicy(true, requirePositive(maxBytes), null);
    }

    /**
     * Documents get a cache of their own of at most {@code maxBytes}, dropping those not read for
     * {@code idle}.
     */
    public static CachePolicy of(long maxBytes, Duration idle) {
        return new CachePolicy(true, requirePositive(maxBytes), requirePositive(idle));
    }

    /** Documents share the store-wide cache and leave it once not read for {@code idle}. */
    public static CachePolicy expireAfterAccess(Duration idle) {
        return new CachePolicy(true, null, requirePositive(idle));
    }

    /** Whether the collection's documents are cached at all. */
    public boolean enabled() {
        return enabled;
    }

    /** The bound of the collection's own cache; empty when it uses the shared one (or none). */
    public OptionalLong maxBytes() {
        return maxBytes == null ? OptionalLong.empty() : OptionalLong.of(maxBytes);
    }

    /** How long a document stays cached without being read; empty when only size evicts it. */
    public Optional<Duration> idleExpiry() {
        return Optional.ofNullable(idleExpiry);
    }

    private static long requirePositive(long maxBytes) {
        if (maxBytes <= 0) {
            throw new ConfigurationException("cache size must be positive, got " + maxBytes
                    + " (use CachePolicy.none() to turn caching off)");
        }
        return maxBytes;
    }

    private static Duration requirePositive(Duration idle) {
        Objects.requireNonNull(idle, "idle");
        if (idle.isNegative() || idle.isZero()) {
            throw new ConfigurationException("cache expiry must be positive, got " + idle);
        }
        return idle;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachePolicy other && enabled == other.enabled && Objects.equals(maxBytes, other.maxBytes)
                && Objects.equals(idleExpiry, other.idleExpiry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, maxBytes, idleExpiry);
    }

    /** {@code none}, {@code shared}, {@code shared, idle PT5M}, {@code 1048576 bytes, idle PT5M}. */
    @Override
    public String toString() {
        if (!enabled) {
            return "none";
        }
        String size = maxBytes == null ? "shared" : maxBytes + " bytes";
        return idleExpiry == null ? size : size + ", idle " + idleExpiry;
    }
}
