package io.offlinestore.sync.connectivity;

import io.offlinestore.Subscription;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.ConnectivityStatus;
import io.offlinestore.sync.ConnectivityStatus.State;
import java.time.Clock;
import java.time.Duration;

/** A monitor the application switches itself, for apps that know better and for tests. */
public final class ManualConnectivityMonitor implements ConnectivityMonitor {
    private final StatusTracker tracker;
    private volatile boolean online;

    /** A monitor in this initial state. */
    public ManualConnectivityMonitor(boolean online) {
        this.online = online;
        this.tracker = new StatusTracker(Clock.systemUTC(), online ? State.ONLINE : State.OFFLINE);
    }

    /** Switches the state, telling listeners if it changed. */
    public void setOnline(boolean online) {
        this.online = online;
        tracker.record(online, Duration.ZERO);
    }

    @Override
    public ConnectivityStatus status() {
        return tracker.status();
    }

    @Override
    public ConnectivityStatus checkNow() {
        return tracker.record(online, Duration.ZERO);
    }

    @Override
    public Subscription addListener(Listener listener) {
        return tracker.add(listener);
    }

    @Override
    public void start() {
        // switched by hand: nothing to schedule
    }

    @Override
    public void stop() {
        // switched by hand: nothing to stop
    }
}
