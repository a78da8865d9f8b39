package io.offlinestore.sync;

import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.ConfigurationException;
import io.offlinestore.sync.queue.internal.QueueSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How an {@link OperationQueue} stores, schedules and bounds its operations. Immutable; built
 * with {@link #builder()}, whose setters fail fast on a bad value.
 */
public final class QueueOptions {
    /** The collection the queue keeps its operations in unless told otherwise. */
    public static final String DEFAULT_COLLECTION = "offline_queue";
    /** The default back-off schedule: 30 s, 5 min, 30 min, then 1 h for every later retry. */
    public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(1));

    /** What to do when an enqueue would exceed the size limit. */
    public enum Overflow {
        /** Refuse the new operation with a {@link QueueFullException}. */
        REJECT_NEW,
        /** Delete the oldest completed operations to make room; refuse if that is not enough. */
        DROP_OLDEST_COMPLETED
    }

    private final String collection;
    private final Clock clock;
    private final RandomGenerator random;
    private final List<Duration> backoff;
    private final int maxAttempts;
    private final Duration lease;
    private final int parallelism;
    private final long maxOperations;
    private final long maxPayloadBytes;
    private final Overflow overflow;

    private QueueOptions(Builder builder) {
        this.collection = builder.collection;
        this.clock = builder.clock;
        this.random = builder.random;
        this.backoff = builder.backoff;
        this.maxAttempts = builder.maxAttempts;
        this.lease = builder.lease;
        this.parallelism = builder.parallelism;
        this.maxOperations = builder.maxOperations;
        this.maxPayloadBytes = builder.maxPayloadBytes;
        this.overflow = builder.overflow;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static QueueOptions defaults() {
        return builder().build();
    }

    /**
     * The schema to declare for the queue's collection in the store's options: it keeps queue
     * writes out of the store's change log (so document sync does not see them) and declares the
     * indexes the queue uses. Add {@code .toBuilder().sensitiveFields("payload")} to seal payloads
     * in an encrypted store. A queue over an undeclared collection works too; its changes are then
     * logged like any other.
     */
    public static CollectionSchema collectionSchema(String collection) {
        return QueueSchema.of(collection);
    }

    public String collection() {
        return collection;
    }

    public Clock clock() {
        return clock;
    }

    public RandomGenerator random() {
        return random;
    }

    public List<Duration> backoff() {
        return backoff;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration lease() {
        return lease;
    }

    public int parallelism() {
        return parallelism;
    }

    /** The most operations the queue holds (any status); {@link Long#MAX_VALUE} when unbounded. */
    public long maxOperations() {
        return maxOperations;
    }

    /** The most payload bytes the queue holds; {@link Long#MAX_VALUE} when unbounded. */
    public long maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public Overflow overflow() {
        return overflow;
    }

    /** Whether a size limit is set. */
    public boolean isBounded() {
        return maxOperations != Long.MAX_VALUE || maxPayloadBytes != Long.MAX_VALUE;
    }

    /** Builds {@link QueueOptions}. */
    public static final class Builder {
        private String collection = DEFAULT_COLLECTION;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new Random();
        private List<Duration> backoff = DEFAULT_BACKOFF;
        private int maxAttempts = 10;
        private Duration lease = Duration.ofMinutes(5);
        private int parallelism = 1;
        private long maxOperations = Long.MAX_VALUE;
        private long maxPayloadBytes = Long.MAX_VALUE;
        private Overflow overflow = Overflow.REJECT_NEW;

        private Builder() {
        }

        /** The collection to keep operations in (default {@value #DEFAULT_COLLECTION}). */
        public Builder collection(String name) {
            this.collection = QueueSchema.of(name).name();
            return this;
        }

        /** The clock for enqueue times, back-off, expiry and leases (a fixed or offset clock in tests). */
        public Builder clock(Clock clock) {
            this.clock = require(clock, "clock");
            return this;
        }

        /** The source of back-off jitter (a seeded one for reproducible schedules). */
        public Builder random(RandomGenerator random) {
            this.random = require(random, "random");
            return this;
        }

        /**
         * The back-off ceilings: retry n waits a random time between zero and entry n (full
         * jitter); retries past the end use the last entry, which caps the delay.
         */
        public Builder backoff(List<Duration> schedule) {
            if (schedule == null || schedule.isEmpty()) {
                throw new ConfigurationException("backoff schedule must have at least one delay");
            }
            for (Duration delay : schedule) {
                if (delay == null || delay.isNegative()) {
                    throw new ConfigurationException("backoff delays must not be negative, got " + schedule);
                }
            }
            this.backoff = List.copyOf(schedule);
            return this;
        }

        /** How many attempts an operation gets unless it sets its own limit (default 10). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new ConfigurationException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * How long a runner holds an operation it started (default 5 min): a handler still running
         * after that is presumed dead and its operation runs again.
         */
        public Builder lease(Duration lease) {
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new ConfigurationException("lease must be a positive duration, got " + lease);
            }
            this.lease = lease;
            return this;
        }

        /** How many operations of different lanes may run at once (default 1). */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new ConfigurationException("parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** The most operations the queue may hold, in any status. */
        public Builder maxOperations(long maxOperations) {
            if (maxOperations < 1) {
                throw new ConfigurationException("maxOperations must be at least 1, got " + maxOperations);
            }
            this.maxOperations = maxOperations;
            return this;
        }

        /** The most payload bytes (UTF-8 JSON) the queue may hold. */
        public Builder maxPayloadBytes(long maxPayloadBytes) {
            if (maxPayloadBytes < 1) {
                throw new ConfigurationException("maxPayloadBytes must be at least 1, got " + maxPayloadBytes);
            }
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        /** What to do when a size limit would be exceeded (default {@link Overflow#REJECT_NEW}). */
        public Builder overflow(Overflow overflow) {
            this.overflow = require(overflow, "overflow");
            return this;
        }

        public QueueOptions build() {
            return new QueueOptions(this);
        }

        private static <T> T require(T value, String name) {
            if (value == null) {
                throw new ConfigurationException(name + " must not be null");
            }
            return value;
        }
    }
}
