package io.offlinestore.sync;

import io.offlinestore.sync.connectivity.HttpProbe;
import io.offlinestore.sync.connectivity.TcpProbe;
import java.net.URI;
import java.time.Duration;

/**
 * One way of telling whether the network (or a server) is reachable; a
 * {@link ConnectivityMonitor} is online while any of its probes succeeds. Implement it for checks
 * the built-in HTTP and TCP probes do not cover.
 */
@FunctionalInterface
public interface ConnectivityProbe {

    /**
     * Checks once, giving up after {@code timeout}.
     *
     * @return whether the target answered; an exception counts as no answer
     */
    boolean check(Duration timeout) throws Exception;

    /** Succeeds when an HTTP {@code HEAD} of the URI answers with any status below 500. */
    static ConnectivityProbe http(URI uri) {
        return new HttpProbe(uri, "HEAD");
    }

    /** Succeeds when an HTTP request with this method ({@code HEAD} or {@code GET}) answers below 500. */
    static ConnectivityProbe http(URI uri, String method) {
        return new HttpProbe(uri, method);
    }

    /** Succeeds when a TCP connection to the host and port opens. */
    static ConnectivityProbe tcp(String host, int port) {
        return new TcpProbe(host, port);
    }
}
