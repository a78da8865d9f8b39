package io.offlinestore.sync.connectivity;

import io.offlinestore.Subscription;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.ConnectivityProbe;
import io.offlinestore.sync.ConnectivityStatus;
import io.offlinestore.sync.ConnectivityStatus.State;
import io.offlinestore.ConfigurationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A monitor that checks its probes in turn, every interval once started, and is online while any
 * of them answers within the timeout. It starts offline until its first check.
 */
public final class ProbingConnectivityMonitor implements ConnectivityMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(ProbingConnectivityMonitor.class);

    private final List<ConnectivityProbe> probes;
    private final Duration interval;
    private final Duration timeout;
    private final StatusTracker tracker;
    private ScheduledExecutorService scheduler;

    private ProbingConnectivityMonitor(Builder builder) {
        this.probes = List.copyOf(builder.probes);
        this.interval = builder.interval;
        this.timeout = builder.timeout;
        this.tracker = new StatusTracker(Clock.systemUTC(), State.OFFLINE);
    }

    /** A builder with a 30 s interval and a 5 s timeout and no probes yet. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ConnectivityStatus status() {
        return tracker.status();
    }

    @Override
    public ConnectivityStatus checkNow() {
        for (ConnectivityProbe probe : probes) {
            long start = System.nanoTime();
            try {
                if (probe.check(timeout)) {
                    return tracker.record(true, Duration.ofNanos(System.nanoTime() - start));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return tracker.status();
            } catch (Exception e) {
                LOG.debug("probe {} failed: {}", probe, e.toString());
            }
        }
        return tracker.record(false, Duration.ZERO);
    }

    @Override
    public Subscription addListener(Listener listener) {
        return tracker.add(listener);
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "offline-connectivity-monitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::checkNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** Builds a {@link ProbingConnectivityMonitor}; setters fail fast on bad values. */
    public static final class Builder {
        private final List<ConnectivityProbe> probes = new ArrayList<>();
        private Duration interval = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** Adds an HTTP {@code HEAD} probe of this URI. */
        public Builder http(URI uri) {
            return probe(ConnectivityProbe.http(uri));
        }

        /** Adds a TCP connect probe of this host and port. */
        public Builder tcp(String host, int port) {
            return probe(ConnectivityProbe.tcp(host, port));
        }

        /** Adds a probe. */
        public Builder probe(ConnectivityProbe probe) {
            if (probe == null) {
                throw new ConfigurationException("probe must not be null");
            }
            probes.add(probe);
            return this;
        }

        /** The time between periodic checks. */
        public Builder interval(Duration interval) {
            this.interval = positive(interval, "interval");
            return this;
        }

        /** How long each probe may take. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * The monitor.
         *
         * @throws ConfigurationException if no probe was added
         */
        public ProbingConnectivityMonitor build() {
            if (probes.isEmpty()) {
                throw new ConfigurationException("a connectivity monitor needs at least one probe");
            }
            return new ProbingConnectivityMonitor(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new ConfigurationException(name + " must be a positive duration, got " + duration);
            }
            return duration;
        }
    }
}
