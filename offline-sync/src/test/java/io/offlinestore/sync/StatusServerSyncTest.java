package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.Operation.Status;
import io.offlinestore.sync.connectivity.ManualConnectivityMonitor;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status API's sync endpoints driving the queue and document sync together, over real HTTP on loopback. */
class StatusServerSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ManualConnectivityMonitor monitor = ConnectivityMonitor.manual();
    private SyncFixture fixture;
    private OfflineStore store;
    private OperationQueue queue;
    private SyncEngine engine;
    private StatusServer server;

    @BeforeEach
    void start() {
        fixture = new SyncFixture("mapdb", dir);
        store = fixture.store("device");
        queue = OperationQueue.open(store);
        queue.registerHandler("upload", operation -> Outcome.success());
        engine = fixture.engine(store, fixture.options("users", "orders").connectivity(monitor).build());
        server = StatusServer.builder(queue, monitor).documentSync(engine).start();
    }

    @AfterEach
    void stop() {
        server.close();
        queue.close();
        fixture.close();
    }

    private JsonNode send(int expected, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void syncNowRunsTheQueueAndPushesAndPullsDocuments() throws Exception {
        String id = queue.enqueue("upload", Document.of(Map.of("file", "a.bin")));
        store.collection("users").create(Document.parse("{\"id\":\"u1\",\"name\":\"Ann\"}"));
        store.collection("orders").create(Document.parse("{\"id\":\"o1\"}"));
        JsonNode status = send(200, "GET", "/api/offline/sync/status", null);
        assertEquals(3, status.get("pending").asInt(), "one operation and two document changes: " + status);
        assertEquals(2, status.get("documents").get("pending").asInt());
        assertEquals("documents: 2 changes to push", status.get("pending_operations").get(1).asText());

        JsonNode ran = send(200, "POST", "/api/offline/sync", null);

        assertEquals(1, ran.get("succeeded").asInt(), "the queue's result stays at the top level: " + ran);
        assertEquals(Status.COMPLETED, queue.get(id).status());
        assertEquals(2, ran.get("documents").get("pushed").asInt(), ran.toString());
        assertTrue(ran.get("documents").get("ok").asBoolean());
        assertEquals(1, fixture.storage.countChangedAfter("users", 0));
        JsonNode after = send(200, "GET", "/api/offline/sync/status", null);
        assertEquals(0, after.get("pending").asInt());
        assertFalse(after.get("documents").get("last_sync").isNull());
    }

    @Test
    void conflictStrategyUsesTheSeedNamesAndSwitchesTheEngine() throws Exception {
        JsonNode initial = send(200, "GET", "/api/offline/sync/status", null).get("documents");
        assertEquals("remote_wins", initial.get("conflict_strategy").asText(), "the configured default, server-wins");

        JsonNode status = send(200, "POST", "/api/offline/sync/conflict-strategy", "{\"strategy\":\"local_wins\"}");

        assertEquals(ConflictStrategy.CLIENT_WINS, engine.conflictStrategy("users"));
        assertEquals("local_wins", status.get("conflict_strategy").asText());
        assertEquals("local_wins", status.get("documents").get("conflict_strategies").get("orders").asText());
        send(200, "POST", "/api/offline/sync/conflict-strategy", "{\"strategy\":\"MERGE\"}");
        assertEquals(ConflictStrategy.MERGE, engine.conflictStrategy("orders"));

        JsonNode refused = send(400, "POST", "/api/offline/sync/conflict-strategy", "{\"strategy\":\"coin_toss\"}");
        assertTrue(refused.get("error").asText().contains("coin_toss"), refused.toString());
        assertEquals(ConflictStrategy.MERGE, engine.conflictStrategy("orders"), "a refused name changed nothing");
    }

    @Test
    void manualConflictsAreListedInTheStatus() throws Exception {
        OfflineStore other = fixture.store("other");
        SyncEngine otherEngine = fixture.engine(other, fixture.options("users").build());
        store.collection("users").create(Document.parse("{\"id\":\"u1\",\"name\":\"Ann\"}"));
        send(200, "POST", "/api/offline/sync", null);
        otherEngine.synchronize();
        send(200, "POST", "/api/offline/sync/conflict-strategy", "{\"strategy\":\"manual\"}");
        store.collection("users").patch("u1", Document.parse("{\"name\":\"here\"}"));
        other.collection("users").patch("u1", Document.parse("{\"name\":\"there\"}"));
        otherEngine.synchronize();

        JsonNode ran = send(200, "POST", "/api/offline/sync", null).get("documents");

        assertEquals(1, ran.get("conflicts").asInt(), ran.toString());
        JsonNode documents = send(200, "GET", "/api/offline/sync/status", null).get("documents");
        assertEquals(1, documents.get("conflicts").asInt());
        JsonNode conflict = documents.get("stored_conflicts").get(0);
        assertEquals("users", conflict.get("collection").asText());
        assertEquals("u1", conflict.get("document_id").asText());
        assertEquals(engine.conflicts().get(0).id(), conflict.get("id").asText());
    }

    @Test
    void autoSyncWaitsOfflineAndSyncsOnReconnect() throws Exception {
        monitor.setOnline(false);
        JsonNode started = send(200, "POST", "/api/offline/sync/start-auto", "{\"interval_seconds\":3600}");
        assertTrue(started.get("auto").asBoolean());
        assertTrue(queue.isRunning());
        assertTrue(engine.isRunning());
        assertEquals(3600, started.get("documents").get("interval_seconds").asInt());
        assertEquals("offline", started.get("documents").get("state").asText());
        store.collection("users").create(Document.parse("{\"id\":\"u1\"}"));

        monitor.setOnline(true);   // the hour-long interval cannot be what syncs it

        Await.until("a sync on reconnect", () -> fixture.storage.countChangedAfter("users", 0) > 0
                && engine.status().state() != SyncStatus.State.SYNCING);
        JsonNode stopped = send(200, "POST", "/api/offline/sync/stop-auto", null);
        assertFalse(stopped.get("auto").asBoolean());
        assertFalse(engine.isRunning());
        assertFalse(queue.isRunning());
        assertEquals("stopped", stopped.get("documents").get("state").asText());
    }
}
