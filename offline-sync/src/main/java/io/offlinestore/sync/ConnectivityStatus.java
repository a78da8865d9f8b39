package io.offlinestore.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link ConnectivityMonitor} last concluded.
 *
 * @param state online or offline
 * @param since when the monitor entered this state
 * @param lastCheck when it last checked, if it has
 * @param lastLatency how long the last successful check took, if one succeeded
 * @param consecutiveFailures failed checks in a row (zero while online)
 */
public record ConnectivityStatus(State state, Instant since, Optional<Instant> lastCheck, Optional<Duration> lastLatency,
        int consecutiveFailures) {

    /** Online or offline. */
    public enum State {
        ONLINE,
        OFFLINE
    }

    /** Whether the state is {@link State#ONLINE}. */
    public boolean isOnline() {
        return state == State.ONLINE;
    }
}
