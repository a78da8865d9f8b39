package io.offlinestore.engine.evict;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs eviction passes on one daemon thread: every interval when one is configured, and once
 * soon after a commit takes a collection past its bound. Triggers that arrive while a pass is
 * queued fold into it, so a burst of commits costs one pass.
 */
public final class EvictionScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvictionScheduler.class);

    private final Runnable pass;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    /**
     * @param pass     one eviction pass
     * @param interval how often to run it unprompted, if at all
     */
    public EvictionScheduler(Runnable pass, Optional<Duration> interval) {
        this.pass = pass;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "offline-store-eviction");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
        interval.ifPresent(every -> thread.scheduleWithFixedDelay(this::runPass, every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** Asks for a pass soon; does nothing if one is already queued. */
    public void trigger() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    queued.set(false);
                    runPass();
                });
            } catch (RejectedExecutionException e) {
                queued.set(false); // closing
            }
        }
    }

    private void runPass() {
        try {
            pass.run();
        } catch (RuntimeException e) {
            if (!thread.isShutdown()) {
                LOG.warn("background eviction pass failed; the next one will try again", e);
            }
        }
    }

    /** Stops scheduling and waits (a few seconds at most) for a running pass to finish. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("eviction pass still running at close; interrupting it");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
