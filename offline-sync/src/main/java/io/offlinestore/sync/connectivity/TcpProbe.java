package io.offlinestore.sync.connectivity;

import io.offlinestore.sync.ConnectivityProbe;
import io.offlinestore.ConfigurationException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A probe that succeeds when a TCP connection to a host and port opens within the timeout. */
public final class TcpProbe implements ConnectivityProbe {
    private final String host;
    private final int port;

    /**
     * A probe of this host and port.
     *
     * @throws ConfigurationException if the host is blank or the port out of range
     */
    public TcpProbe(String host, int port) {
        if (host == null || host.isBlank()) {
            throw new ConfigurationException("a TCP probe needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("a TCP probe needs a port from 1 to 65535, got " + port);
        }
        this.host = host;
        this.port = port;
    }

    @Override
    public boolean check(Duration timeout) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return true;
        }
    }

    @Override
    public String toString() {
        return "tcp " + host + ":" + port;
    }
}
