package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.offlinestore.ConfigurationException;
import io.offlinestore.sync.ConnectivityStatus.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probing and manual monitors against real servers on the loopback interface. */
class ConnectivityMonitorTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(204);

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int startServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, port), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static URI health(int port) {
        return URI.create("http://127.0.0.1:" + port + "/health");
    }

    @Test
    void httpProbeFollowsTheServerAndListenersHearEachChange() throws IOException {
        int port = startServer(0);
        ConnectivityMonitor monitor = ConnectivityMonitor.builder().http(health(port)).timeout(Duration.ofSeconds(2)).build();
        List<String> changes = new CopyOnWriteArrayList<>();
        monitor.addListener((previous, current) -> changes.add(previous.state() + "->" + current.state()));
        assertEquals(State.OFFLINE, monitor.status().state(), "unknown until the first check");

        ConnectivityStatus online = monitor.checkNow();
        assertTrue(online.isOnline());
        assertTrue(online.lastLatency().isPresent());
        assertEquals(0, online.consecutiveFailures());

        server.stop(0);
        server = null;
        assertFalse(monitor.checkNow().isOnline());
        ConnectivityStatus offline = monitor.checkNow();
        assertEquals(2, offline.consecutiveFailures());
        assertEquals(online.lastLatency(), offline.lastLatency(), "the last successful latency is kept");

        startServer(port);
        assertTrue(monitor.checkNow().isOnline());
        assertEquals(List.of("OFFLINE->ONLINE", "ONLINE->OFFLINE", "OFFLINE->ONLINE"), changes);
    }

    @Test
    void serverErrorsCountAsOfflineAndClientErrorsAsOnline() throws IOException {
        int port = startServer(0);
        ConnectivityMonitor monitor = ConnectivityMonitor.builder().probe(ConnectivityProbe.http(health(port), "GET")).build();
        status.set(503);
        assertFalse(monitor.checkNow().isOnline());
        status.set(404);
        assertTrue(monitor.checkNow().isOnline(), "a 404 still proves the server is reachable");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, LOOPBACK)) {
            ConnectivityMonitor monitor = ConnectivityMonitor.builder().http(health(silent.getLocalPort()))
                    .timeout(Duration.ofMillis(300)).build();
            long start = System.nanoTime();
            assertFalse(monitor.checkNow().isOnline());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
        }
    }

    @Test
    void tcpProbeAndAnyOfSeveralEndpoints() throws IOException {
        int deadPort;
        try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
            deadPort = closed.getLocalPort();
        }
        try (ServerSocket open = new ServerSocket(0, 50, LOOPBACK)) {
            ConnectivityMonitor monitor = ConnectivityMonitor.builder().tcp("127.0.0.1", deadPort)
                    .probe(timeout -> {
                        throw new IllegalStateException("custom probe broke");
                    })
                    .tcp("127.0.0.1", open.getLocalPort()).build();
            assertTrue(monitor.checkNow().isOnline(), "online while any probe answers");
        }
        ConnectivityMonitor dead = ConnectivityMonitor.builder().tcp("127.0.0.1", deadPort).build();
        assertFalse(dead.checkNow().isOnline());
    }

    @Test
    void periodicChecksNoticeTheServerGoingAway() throws Exception {
        int port = startServer(0);
        ConnectivityMonitor monitor = ConnectivityMonitor.builder().http(health(port)).interval(Duration.ofMillis(50))
                .timeout(Duration.ofSeconds(1)).build();
        CountDownLatch online = new CountDownLatch(1);
        CountDownLatch offline = new CountDownLatch(1);
        monitor.addListener((previous, current) -> (current.isOnline() ? online : offline).countDown());
        monitor.start();
        try {
            assertTrue(online.await(10, TimeUnit.SECONDS));
            server.stop(0);
            server = null;
            assertTrue(offline.await(10, TimeUnit.SECONDS));
        } finally {
            monitor.stop();
        }
    }

    @Test
    void manualMonitorIsSwitchedByHand() {
        var monitor = ConnectivityMonitor.manual();
        List<State> seen = new CopyOnWriteArrayList<>();
        var subscription = monitor.addListener((previous, current) -> seen.add(current.state()));
        assertTrue(monitor.isOnline());
        monitor.setOnline(false);
        monitor.setOnline(false);
        subscription.close();
        monitor.setOnline(true);
        assertEquals(List.of(State.OFFLINE), seen, "one change told, none after the listener was removed");
        assertTrue(monitor.checkNow().isOnline());
    }

    @Test
    void badConfigurationIsRefused() {
        assertThrows(ConfigurationException.class, () -> ConnectivityMonitor.builder().build());
        assertThrows(ConfigurationException.class, () -> ConnectivityProbe.http(URI.create("ftp://example.org/")));
        assertThrows(ConfigurationException.class, () -> ConnectivityProbe.http(URI.create("http://127.0.0.1/"), "POST"));
        assertThrows(ConfigurationException.class, () -> ConnectivityProbe.tcp("127.0.0.1", 70000));
        assertThrows(ConfigurationException.class, () -> ConnectivityMonitor.builder().interval(Duration.ZERO));
    }
}
