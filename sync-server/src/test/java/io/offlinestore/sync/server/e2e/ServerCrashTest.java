package io.offlinestore.sync.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import io.offlinestore.sync.server.cli.ServerMain;
import io.offlinestore.sync.server.postgres.EmbeddedPostgresDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing in child JVMs: {@code offline-server} on its embedded PostgreSQL in a data
 * directory, tokens made by {@code token create} (before and while it runs), a client JVM, and a
 * {@code kill -9} of the server while a client pushes: the restart on the same directory stops
 * the PostgreSQL the killed server left running, and no mutation is lost or applied twice.
 */
class ServerCrashTest {
    private static final Pattern SERVING = Pattern.compile("offline-server: serving (http://\\S+) on ");
    private static final String TOKEN = "ost_[A-Za-z0-9_-]{43}";

    @TempDir
    Path dir;
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
        new EmbeddedPostgresDirectory(dir.resolve("data")).running()
                .flatMap(running -> ProcessHandle.of(running.pid())).ifPresent(ProcessHandle::destroy);
    }

    private URI startServer(String name) throws IOException {
        server = ChildJvm.start(dir.resolve(name + ".log"), ServerMain.class, "--data", dir.resolve("data").toString(),
                "--port", "0");
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                return URI.create(serving.group(1));
            }
        }
        throw new IllegalStateException("the server exited without serving; see " + dir.resolve(name + ".log"));
    }

    private String createToken(String user, String log) throws Exception {
        List<String> lines = ChildJvm.run(dir.resolve(log), ServerMain.class, "token", "create", user,
                "--data", dir.resolve("data").toString());
        assertEquals(1, lines.size(), "token create prints the token alone: " + lines);
        assertTrue(lines.get(0).matches(TOKEN), lines.get(0));
        return lines.get(0);
    }

    @Test
    void aServerKilledWhileAClientPushesRestartsAndLosesOrRepeatsNothing() throws Exception {
        String token = createToken("ann", "token-before.log");
        URI url = startServer("first");
        String whileRunning = createToken("bob", "token-while.log");

        List<String> other = ChildJvm.run(dir.resolve("client-jvm.log"), ClientMain.class,
                dir.resolve("bob-store").toString(), url.toString(), whileRunning, "bob", "25");
        assertEquals(List.of("pending 0 holds 25"), other, "a client in its own JVM synced through the server");

        int total = 600;
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb")
                .path(dir.resolve("ann-store")).build())) {
            for (int i = 0; i < total; i++) {
                store.collection("items").create(Document.parse("{\"id\":\"ann-" + i + "\",\"n\":" + i + "}"));
            }
            Thread pusher;
            SyncResult[] during = new SyncResult[1];
            try (SyncEngine engine = SyncEngine.create(store, SyncOptions.builder().serverUrl(url).token(token)
                    .collections("items").batchSize(10).build())) {
                pusher = new Thread(() -> during[0] = engine.synchronize());
                pusher.start();
                Thread.sleep(1500);
                server.toHandle().destroyForcibly();
                server.waitFor(30, TimeUnit.SECONDS);
                pusher.join(120_000);
                int pendingAfterKill = engine.status().pending();
                assertTrue(new EmbeddedPostgresDirectory(dir.resolve("data")).running().isPresent(),
                        "kill -9 leaves the embedded PostgreSQL running (what the restart must cope with)");

                URI restarted = startServer("second");
                SyncEngine again = SyncEngine.create(store, SyncOptions.builder().serverUrl(restarted).token(token)
                        .collections("items").batchSize(50).build());
                try (again) {
                    SyncResult after = again.synchronize();
                    assertTrue(after.ok(), after.toString());
                    assertEquals(0, again.status().pending());
                    assertTrue(pendingAfterKill > 0 || during[0] != null, "the kill happened mid-push");
                }
            }
        }
        Optional<EmbeddedPostgresDirectory.Running> postgres = new EmbeddedPostgresDirectory(dir.resolve("data")).running();
        try (Connection connection = DriverManager.getConnection(postgres.orElseThrow().jdbcUrl(), "postgres", null);
             Statement statement = connection.createStatement()) {
            assertEquals(total, count(statement, "select count(*) from sync_document where scope = 'user:ann'"),
                    "every document arrived");
            assertEquals(total + 25, count(statement, "select value from sync_counter"),
                    "each mutation took exactly one commit sequence: none applied twice");
            assertEquals(total + 25, count(statement, "select count(*) from sync_processed"));
            assertEquals(total, count(statement, "select count(*) from sync_document where version = sequence"
                    + " and scope = 'user:ann'"));
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
