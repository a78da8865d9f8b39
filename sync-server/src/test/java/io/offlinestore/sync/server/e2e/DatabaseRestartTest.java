package io.offlinestore.sync.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import io.offlinestore.sync.server.http.SyncHttpServer;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL restarted under a running server: while it is down, health and sync answer 503 and
 * the client keeps its writes; once it is back, the same server serves again.
 */
class DatabaseRestartTest {
    @TempDir
    Path dir;

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void requestsFailWith503WhileTheDatabaseIsDownAndRecoverAfter() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = dir.resolve("pg");
        EmbeddedPostgres postgres = postgres(data, port);
        try (ServerDatabase database = ServerDatabase.external(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", null, 4);
             SyncHttpServer server = SyncHttpServer.builder(database.dataSource()).start();
             OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb")
                     .path(dir.resolve("store")).build())) {
            String token = new Accounts(database.dataSource()).createToken("ann");
            SyncEngine engine = SyncEngine.create(store, SyncOptions.builder().serverUrl(server.uri()).token(token)
                    .collections("notes").build());
            try (engine) {
                store.collection("notes").create(Document.parse("{\"id\":\"before\"}"));
                assertTrue(engine.synchronize().ok());

                postgres.close();
                assertEquals(503, health(server));
                store.collection("notes").create(Document.parse("{\"id\":\"during\"}"));
                SyncResult down = engine.synchronize();
                assertTrue(down.errors().get(0).contains("HTTP 503"), down.toString());
                assertEquals(1, engine.status().pending());

                postgres = postgres(data, port);
                assertEquals(200, health(server));
                SyncResult back = engine.synchronize();
                assertTrue(back.ok(), back.toString());
                assertEquals(1, back.pushed());
                assertEquals(0, engine.status().pending());
            }
        } finally {
            postgres.close();
        }
    }

    private static int health(SyncHttpServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
