package io.offlinestore.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What an {@link OperationHandler} reports for one attempt: done, try again later, or give up. */
public final class Outcome {
    private static final Outcome SUCCESS = new Outcome(Kind.SUCCESS, null, null);

    /** The three kinds of outcome. */
    public enum Kind {
        /** The operation is done; it becomes {@link Operation.Status#COMPLETED}. */
        SUCCESS,
        /** A transient failure; the operation is attempted again after a back-off. */
        RETRY,
        /** A permanent failure; the operation becomes {@link Operation.Status#FAILED} at once. */
        FAIL
    }

    private final Kind kind;
    private final String reason;
    private final Duration retryAfter;

    private Outcome(Kind kind, String reason, Duration retryAfter) {
        this.kind = kind;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** The operation succeeded. */
    public static Outcome success() {
        return SUCCESS;
    }

    /** A transient failure: retry after the queue's exponential back-off. */
    public static Outcome retry(String reason) {
        return new Outcome(Kind.RETRY, Objects.requireNonNull(reason, "reason"), null);
    }

    /**
     * A transient failure whose remote end said when to come back (an HTTP {@code Retry-After},
     * say): retry after exactly {@code delay}.
     */
    public static Outcome retryAfter(Duration delay, String reason) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new InvalidOperationException("retry delay must not be negative, got " + delay);
        }
        return new Outcome(Kind.RETRY, Objects.requireNonNull(reason, "reason"), delay);
    }

    /** A transient failure retried after exactly {@code delay}. */
    public static Outcome retryAfter(Duration delay) {
        return retryAfter(delay, "retry requested after " + delay);
    }

    /** A permanent failure: the operation is kept as a dead letter for inspection. */
    public static Outcome fail(String reason) {
        return new Outcome(Kind.FAIL, Objects.requireNonNull(reason, "reason"), null);
    }

    /** Which kind of outcome this is. */
    public Kind kind() {
        return kind;
    }

    /** Why the attempt did not succeed; empty for a success. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The delay the handler asked for, when it asked for one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        return reason == null ? kind.toString() : kind + "(" + reason + ")";
    }
}
