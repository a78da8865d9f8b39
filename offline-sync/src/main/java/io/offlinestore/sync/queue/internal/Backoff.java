package io.offlinestore.sync.queue.internal;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter: the wait before retry n is drawn uniformly between zero
 * and the n-th ceiling of the schedule, the last ceiling capping every later retry.
 */
final class Backoff {
    private final List<Duration> ceilings;
    private final RandomGenerator random;

    Backoff(List<Duration> ceilings, RandomGenerator random) {
        this.ceilings = ceilings;
        this.random = random;
    }

    /** The wait after the given failed attempt (1 for the first). */
    Duration delayAfter(int attempt) {
        long ceiling = ceilings.get(Math.min(Math.max(attempt, 1), ceilings.size()) - 1).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
