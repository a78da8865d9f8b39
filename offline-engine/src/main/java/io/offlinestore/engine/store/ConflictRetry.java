package io.offlinestore.engine.store;

import io.offlinestore.TransactionConflictException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction attempt again while it meets conflicts, as FoundationDB's retry loop and
 * SQLite's busy timeout do: between attempts it sleeps a random time between zero and an
 * exponentially growing ceiling ("full jitter", so that writers colliding on one document
 * spread out instead of colliding again in step), within a time budget and an optional cap on
 * retries. When either is spent the last conflict is rethrown, saying how many attempts were
 * made over how long.
 */
final class ConflictRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);
    /** The backoff ceiling after the first conflict; it doubles with each further one. */
    static final long FIRST_CEILING_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    /** The largest backoff ceiling. */
    static final long MAX_CEILING_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long budgetNanos;
    private final int maxRetries;

    ConflictRetry(Duration budget, int maxRetries) {
        this.budgetNanos = budget.toNanos();
        this.maxRetries = maxRetries;
    }

    /** Runs {@code attempt} until it returns without a conflict, or the budget or retries run out. */
    <T> T call(Supplier<T> attempt) {
        long start = System.nanoTime();
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.get();
            } catch (TransactionConflictException conflict) {
                long elapsed = System.nanoTime() - start;
                long remaining = budgetNanos - elapsed;
                if (attempts > maxRetries || remaining <= 0) {
                    throw new TransactionConflictException(conflict, attempts, Duration.ofNanos(elapsed));
                }
                long pause = Math.min(remaining, ThreadLocalRandom.current().nextLong(ceiling(attempts) + 1));
                LOG.debug("transaction conflict on attempt {}, retrying in {} µs: {}", attempts, pause / 1000,
                        conflict.getMessage());
                try {
                    TimeUnit.NANOSECONDS.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransactionConflictException(conflict, attempts, Duration.ofNanos(System.nanoTime() - start));
                }
            }
        }
    }

    /** The backoff ceiling after the given number of failed attempts: doubling, capped. */
    static long ceiling(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 30);
        return Math.min(MAX_CEILING_NANOS, FIRST_CEILING_NANOS << doublings);
    }
}
