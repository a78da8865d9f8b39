package io.offlinestore.sync.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Query;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import io.offlinestore.sync.server.TestPostgres;
import io.offlinestore.sync.server.http.SyncHttpServer;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client JVM killed ({@code kill -9}, by its process handle) while it pulls a large scope from
 * the server on PostgreSQL: reopened on the same mapdb directory, it resumes from the checkpoint
 * its last committed page wrote, fetches only the documents after it (the server's
 * {@code pull.documents} counter), and ends holding exactly the server's documents.
 */
class ClientCrashTest {
    private static final int TOTAL = 1500;
    private static final int PAGE = 20;
    private static final int KILL_AFTER = 200;

    @TempDir
    Path dir;
    private ServerDatabase database;
    private SyncHttpServer server;
    private Process client;

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null && client.isAlive()) {
            client.destroyForcibly();
            client.waitFor(30, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private OfflineStore open(String name) {
        return OfflineStore.open(StoreOptions.builder().backend("mapdb").path(dir.resolve(name)).build());
    }

    private SyncEngine engine(OfflineStore store, String token) {
        return SyncEngine.create(store, SyncOptions.builder().serverUrl(server.uri()).token(token)
                .collections("items").batchSize(250).pageSize(PAGE).build());
    }

    private long pulledByServer() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri()
                .resolve("/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), metrics.body());
        return new ObjectMapper().readTree(metrics.body()).path("pull.documents").asLong();
    }

    private static Map<String, Document> contents(OfflineStore store) {
        Map<String, Document> byId = new TreeMap<>();
        store.collection("items").query(Query.all()).forEach(doc -> byId.put(doc.getString("id"), doc));
        return byId;
    }

    @Test
    void aClientKilledMidPullResumesFromItsCheckpointAndEndsWithTheServersDocuments() throws Exception {
        database = TestPostgres.freshDatabase();
        server = SyncHttpServer.builder(database.dataSource()).start();
        String token = new Accounts(database.dataSource()).createToken("ann");
        Map<String, Document> expected;
        try (OfflineStore writer = open("writer"); SyncEngine engine = engine(writer, token)) {
            for (int i = 0; i < TOTAL; i++) {
                writer.collection("items").create(Document.parse("{\"id\":\"item-" + i + "\",\"n\":" + i
                        + ",\"text\":\"" + "payload ".repeat(8) + "\"}"));
            }
            SyncResult pushed = engine.synchronize();
            assertTrue(pushed.ok() && engine.status().pending() == 0, pushed.toString());
            expected = contents(writer);
            assertEquals(TOTAL, expected.size());
        }
        long beforeChild = pulledByServer();

        client = ChildJvm.start(dir.resolve("client.log"), PullMain.class, dir.resolve("reader").toString(),
                server.uri().toString(), token, String.valueOf(PAGE));
        long reported = 0;
        BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        for (String line; reported < KILL_AFTER && (line = out.readLine()) != null; ) {
            assertTrue(line.startsWith("pulled "), "the child finished before it was killed: " + line
                    + "; see " + dir.resolve("client.log"));
            reported = Long.parseLong(line.substring("pulled ".length()));
        }
        client.toHandle().destroyForcibly();
        assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the killed client exited");
        assertTrue(reported >= KILL_AFTER, "the child reported committed pages before the kill: " + reported);
        long beforeResume = pulledByServer();
        assertTrue(beforeResume - beforeChild < TOTAL, "the kill came mid-pull: the server sent "
                + (beforeResume - beforeChild) + " of " + TOTAL);

        try (OfflineStore reader = open("reader")) {
            long kept = reader.collection("items").count();
            assertTrue(kept >= reported && kept < TOTAL, "the committed pages survived the kill: " + kept);
            assertTrue(reader.collection("_sync_meta").get("checkpoint:items").map(d -> d.getString("checkpoint"))
                    .isPresent(), "the last committed page left its checkpoint");

            AtomicLong resumed = new AtomicLong();
            try (SyncEngine engine = engine(reader, token)) {
                engine.addProgressListener(progress -> resumed.set(progress.pulled()));
                SyncResult result = engine.synchronize();
                assertTrue(result.ok(), result.toString());
            }
            assertEquals(TOTAL - kept, pulledByServer() - beforeResume,
                    "the resumed pull fetched only the documents after the checkpoint, not from zero");
            assertEquals(TOTAL - kept, resumed.get());
            assertEquals(expected, contents(reader), "the client holds exactly the server's documents");
        }
    }
}
