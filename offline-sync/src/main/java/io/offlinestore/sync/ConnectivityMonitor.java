package io.offlinestore.sync;

import io.offlinestore.Subscription;
import io.offlinestore.sync.connectivity.ManualConnectivityMonitor;
import io.offlinestore.sync.connectivity.ProbingConnectivityMonitor;

/**
 * Tells whether the application is online, and tells listeners when that changes. The probing
 * monitor ({@link #builder()}) checks its probes periodically and is online while any answers;
 * the {@link #manual()} one is switched by the application (or a test).
 */
public interface ConnectivityMonitor extends AutoCloseable {

    /** A builder of a monitor that checks HTTP endpoints, TCP ports or custom probes. */
    static ProbingConnectivityMonitor.Builder builder() {
        return ProbingConnectivityMonitor.builder();
    }

    /** A monitor switched by hand, online at first. */
    static ManualConnectivityMonitor manual() {
        return new ManualConnectivityMonitor(true);
    }

    /** The current status, as of the last check. */
    ConnectivityStatus status();

    /** Whether the current status is online. */
    default boolean isOnline() {
        return status().isOnline();
    }

    /** Checks now (telling listeners of a change) and returns the new status. */
    ConnectivityStatus checkNow();

    /**
     * Calls the listener after every change between online and offline, on the thread that
     * noticed it.
     *
     * @return a handle whose {@code close()} removes the listener
     */
    Subscription addListener(Listener listener);

    /** Starts periodic checks (the manual monitor has none). */
    void start();

    /** Stops periodic checks. */
    void stop();

    @Override
    default void close() {
        stop();
    }

    /** Told of each change of connectivity. */
    @FunctionalInterface
    interface Listener {
        /** Connectivity changed from {@code previous} to {@code current}. */
        void changed(ConnectivityStatus previous, ConnectivityStatus current);
    }
}
