package io.offlinestore.sync.connectivity;

import io.offlinestore.Subscription;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.ConnectivityStatus;
import io.offlinestore.sync.ConnectivityStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds a monitor's status, folds check results into it and tells listeners of changes. */
final class StatusTracker {
    private static final Logger LOG = LoggerFactory.getLogger(StatusTracker.class);

    private final Clock clock;
    private final List<ConnectivityMonitor.Listener> listeners = new CopyOnWriteArrayList<>();
    private ConnectivityStatus status;

    StatusTracker(Clock clock, State initial) {
        this.clock = clock;
        this.status = new ConnectivityStatus(initial, clock.instant(), Optional.empty(), Optional.empty(), 0);
    }

    synchronized ConnectivityStatus status() {
        return status;
    }

    /** Records a check's result; returns the new status, having told listeners if the state changed. */
    ConnectivityStatus record(boolean online, Duration latency) {
        ConnectivityStatus previous;
        ConnectivityStatus current;
        synchronized (this) {
            previous = status;
            State state = online ? State.ONLINE : State.OFFLINE;
            current = new ConnectivityStatus(state, state == previous.state() ? previous.since() : clock.instant(),
                    Optional.of(clock.instant()), online ? Optional.of(latency) : previous.lastLatency(),
                    online ? 0 : previous.consecutiveFailures() + 1);
            status = current;
        }
        if (previous.state() != current.state()) {
            for (ConnectivityMonitor.Listener listener : listeners) {
                try {
                    listener.changed(previous, current);
                } catch (RuntimeException e) {
                    LOG.warn("connectivity listener failed", e);
                }
            }
        }
        return current;
    }

    Subscription add(ConnectivityMonitor.Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }
}
