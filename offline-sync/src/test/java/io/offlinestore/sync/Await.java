package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for work that runs in the background (periodic runners, reconnect listeners, replays) to
 * reach a state: polls the condition until it holds, and fails naming what did not happen once
 * the deadline passes. A wait on a condition, never on time alone.
 */
final class Await {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** Returns once {@code condition} holds; fails with {@code what} if it does not within 30 s. */
    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + DEADLINE.toSeconds() + " s");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
