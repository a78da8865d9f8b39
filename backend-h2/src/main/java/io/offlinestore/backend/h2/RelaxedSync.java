package io.offlinestore.backend.h2;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.MVStore;

/**
 * Forces the store file to disk at a fixed interval when commits were made since the last time: the
 * relaxed-durability counterpart of the {@code sync()} that follows every commit under sync
 * durability. A daemon thread, so a store left open never keeps the JVM alive.
 */
final class RelaxedSync implements AutoCloseable {
    private final MVStore store;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService timer;

    RelaxedSync(MVStore store, Duration interval) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "offline-h2-sync");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::syncIfDirty, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Notes that a commit was made and is not yet forced. */
    void committed() {
        dirty.set(true);
    }

    private void syncIfDirty() {
        if (dirty.getAndSet(false) && !store.isClosed()) {
            try {
                store.sync();
            } catch (RuntimeException e) {
                // the store was closed meanwhile, or the disk failed: the next commit reports it
                dirty.set(true);
            }
        }
    }

    /** Stops the timer and waits for a sync under way; the caller forces what is left. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
