package io.offlinestore.engine.change;

import io.offlinestore.Change;
import io.offlinestore.ChangeListener;
import io.offlinestore.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed changes to listeners on one daemon thread, in commit order: commits hand
 * their changes over under the write lock, so the queue is in commit order, and one thread drains
 * it. A listener that throws is logged and skipped for that change only.
 */
public final class ChangeNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);

    private record Registration(String collection, ChangeListener listener) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "offline-store-changes");
        t.setDaemon(true);
        return t;
    });

    public Subscription add(String collection, ChangeListener listener) {
        Registration registration = new Registration(collection, listener);
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    /** Queues a commit's changes; called under the write lock, right after the commit applied. */
    public void publish(List<Change> changes) {
        if (changes.isEmpty() || registrations.isEmpty()) {
            return;
        }
        thread.execute(() -> {
            for (Change change : changes) {
                for (Registration registration : registrations) {
                    if (registration.collection() == null || registration.collection().equals(change.collection())) {
                        deliver(registration.listener(), change);
                    }
                }
            }
        });
    }

    private static void deliver(ChangeListener listener, Change change) {
        try {
            listener.onChange(change);
        } catch (RuntimeException e) {
            LOG.warn("change listener {} failed on change {} of {}; other listeners still run", listener,
                    change.sequence(), change.collection(), e);
        }
    }

    /** Delivers what is queued (waiting a few seconds at most), then stops the thread. */
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("change listeners still busy at close; pending notifications dropped");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
