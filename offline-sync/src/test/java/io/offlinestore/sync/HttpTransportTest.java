package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.server.InMemorySyncStorage;
import io.offlinestore.sync.server.SyncServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The default transport, JSON over HTTP, against a loopback server wrapping a SyncServer. */
class HttpTransportTest {
    private final SyncServer sync = SyncServer.builder(new InMemorySyncStorage()).build();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(503);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer http;
    private URI url;

    @BeforeEach
    void startServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/api/sync/v1/push", exchange -> answer(exchange,
                () -> ProtocolCodec.write(sync.push(ProtocolCodec.read(exchange.getRequestBody().readAllBytes(),
                        PushRequest.class)))));
        http.createContext("/api/sync/v1/pull", exchange -> answer(exchange,
                () -> ProtocolCodec.write(sync.pull(ProtocolCodec.read(exchange.getRequestBody().readAllBytes(),
                        PullRequest.class)))));
        http.start();
        url = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/api");
    }

    private interface Body {
        byte[] get() throws IOException;
    }

    private void answer(HttpExchange exchange, Body body) throws IOException {
        try (exchange) {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (failing.get() || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                byte[] error = "{\"error\":\"not now\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status.get(), error.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(error);
                }
                return;
            }
            byte[] bytes = body.get();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @AfterEach
    void stopServer() {
        http.stop(0);
    }

    @Test
    void syncsOverHttpAndReportsAnUnavailableServerWithoutLosingWrites() {
        try (OfflineStore a = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             OfflineStore b = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             SyncEngine ea = SyncEngine.create(a, SyncOptions.builder().serverUrl(url).token("s3cret")
                     .collections("users").build());
             SyncEngine eb = SyncEngine.create(b, SyncOptions.builder().serverUrl(url).collections("users").build())) {
            a.collection("users").create(Document.parse("{\"id\":\"u1\",\"name\":\"Ann\"}"));
            failing.set(true);
            SyncResult down = ea.synchronize();
            assertTrue(down.errors().get(0).contains("HTTP 503"), down.errors().toString());
            assertEquals(1, ea.status().pending());

            failing.set(false);
            assertEquals(1, ea.synchronize().pushed());
            assertEquals(1, eb.synchronize().pulled());
            assertEquals("Ann", b.collection("users").get("u1").orElseThrow().getString("name"));
            assertEquals("Bearer s3cret", authorizations.get(0));
        }
    }

    @Test
    void transientFailuresAreRetriedWithinOneSyncButRefusalsAreNot() {
        try (OfflineStore a = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             SyncEngine ea = SyncEngine.create(a, SyncOptions.builder().serverUrl(url).collections("users").build())) {
            a.collection("users").create(Document.parse("{\"id\":\"u1\"}"));
            failuresLeft.set(2);
            SyncResult retried = ea.synchronize();
            assertTrue(retried.ok(), retried.toString());
            assertEquals(1, retried.pushed());
            assertEquals(3 + 1, authorizations.size(), "two 503s, the push that worked, one pull");

            a.collection("users").create(Document.parse("{\"id\":\"u2\"}"));
            authorizations.clear();
            status.set(401);
            failuresLeft.set(1);
            SyncResult refused = ea.synchronize();
            assertTrue(refused.errors().get(0).contains("HTTP 401: not now"), refused.errors().toString());
            assertEquals(1, authorizations.size(), "a 401 is not retried");
            assertEquals(1, ea.status().pending());
        }
    }
}
