package io.offlinestore.cli;

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
import io.offlinestore.sync.protocol.Scope;
import io.offlinestore.sync.server.InMemorySyncStorage;
import io.offlinestore.sync.server.SyncServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sync, sync status, conflicts and resolve against a sync server on loopback HTTP. */
class SyncCommandsTest {
    private final SyncServer sync = SyncServer.builder(new InMemorySyncStorage()).build();
    private HttpServer http;
    private String url;

    @BeforeEach
    void startServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/sync/v1/push", exchange -> answer(exchange, ProtocolCodec.write(sync.push(
                ProtocolCodec.read(exchange.getRequestBody().readAllBytes(), PushRequest.class)))));
        http.createContext("/sync/v1/pull", exchange -> answer(exchange, ProtocolCodec.write(sync.pull(
                ProtocolCodec.read(exchange.getRequestBody().readAllBytes(), PullRequest.class)))));
        http.start();
        url = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @AfterEach
    void stopServer() {
        http.stop(0);
    }

    @Test
    void syncsBetweenTwoStoresAndResolvesAStoredConflict() {
        try (OfflineStore a = CliRunner.memoryStore(); OfflineStore b = CliRunner.memoryStore()) {
            a.collection("users").create(Document.parse("{\"id\":\"u1\",\"name\":\"Ann\"}"));
            CliRunner.Result pushed = CliRunner.run(a, "sync", "--server", url, "--token", "t");
            assertEquals(ExitCodes.OK, pushed.exitCode(), pushed.err());
            assertEquals("pushed 1, pulled 0, conflicts 0, pending 0", pushed.out().strip());
            CliRunner.Result pulled = CliRunner.run(b, "sync", "--server", url, "--collections", "users");
            assertEquals("pushed 0, pulled 1, conflicts 0, pending 0", pulled.out().strip());

            a.collection("users").patch("u1", Document.parse("{\"name\":\"A\"}"));
            b.collection("users").patch("u1", Document.parse("{\"name\":\"B\"}"));
            CliRunner.run(a, "sync", "--server", url);
            CliRunner.Result conflict = CliRunner.run(b, "sync", "--server", url, "--strategy", "manual");
            assertTrue(conflict.out().contains("conflicts 1"), conflict.out());
            assertEquals(1, conflict.exitCode(), "a conflict waits for the user");
            assertTrue(CliRunner.run(b, "sync", "status").out().contains("conflicts: 1"));
            CliRunner.Result listed = CliRunner.run(b, "conflicts");
            assertTrue(listed.out().startsWith("users/u1  CONCURRENT_CHANGE"), listed.out());
            assertTrue(listed.out().contains("\"name\":\"A\""), listed.out());

            CliRunner.Result resolved = CliRunner.run(b, "resolve", "users/u1", "--keep", "local");
            assertEquals(ExitCodes.OK, resolved.exitCode(), resolved.err());
            CliRunner.run(b, "sync", "--server", url);
            CliRunner.run(a, "sync", "--server", url);
            assertEquals("B", a.collection("users").get("u1").orElseThrow().getString("name"));
            assertEquals("no conflicts", CliRunner.run(b, "conflicts").out().strip());
        }
    }

    @Test
    void badInputAndAnUnreachableServerAreReported() {
        try (OfflineStore a = CliRunner.memoryStore()) {
            a.collection("users").create(Document.parse("{\"id\":\"u1\"}"));
            assertEquals(ExitCodes.BAD_INPUT, CliRunner.run(a, "resolve", "users/u1", "--keep", "mine").exitCode());
            CliRunner.Result unknown = CliRunner.run(a, "resolve", "users/u9", "--keep", "local");
            assertEquals(ExitCodes.STORAGE, unknown.exitCode());
            assertTrue(unknown.err().contains("users/u9"), unknown.err());
            CliRunner.Result strategy = CliRunner.run(a, "sync", "--server", url, "--strategy", "newest");
            assertTrue(strategy.err().contains("unknown conflict strategy 'newest'"), strategy.err());
            assertEquals(ExitCodes.BAD_INPUT, strategy.exitCode());
            http.stop(0);
            CliRunner.Result down = CliRunner.run(a, "sync", "--server", url);
            assertEquals(ExitCodes.STORAGE, down.exitCode());
            assertTrue(down.out().contains("pending 1"), down.out());
            assertTrue(down.err().contains("SyncTransportException"), down.err());
        }
    }

    @Test
    void statusServerDrivesDocumentSyncWhenTheSettingsNameAServer() throws Exception {
        StoreOptions options = StoreOptions.builder().backend("memory").setting("sync.server-url", url)
                .setting("sync.collections", "users").setting("sync.conflict-strategy", "merge").build();
        try (OfflineStore store = OfflineStore.open(options)) {
            store.collection("users").create(Document.parse("{\"id\":\"u1\",\"name\":\"Ann\"}"));
            StatusServerRun server = StatusServerRun.start(store);
            assertTrue(server.out().contains("document sync of users with " + url), server.out());
            HttpResponse<String> strategy = server.send("GET", "api/offline/sync/status");
            assertTrue(strategy.body().contains("\"conflict_strategy\":\"merge\""), strategy.body());

            HttpResponse<String> ran = server.send("POST", "api/offline/sync");

            assertEquals(200, ran.statusCode(), ran.body());
            assertTrue(ran.body().contains("\"documents\":{\"pushed\":1,"), ran.body());
            assertEquals(1, sync.pull(PullRequest.of("other", new Scope("users", null), null, 10))
                    .documents().size(), "the server has the document");
            assertEquals(ExitCodes.OK, server.stop().exitCode());
        }
    }
}
