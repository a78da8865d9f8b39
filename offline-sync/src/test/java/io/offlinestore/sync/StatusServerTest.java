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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status API over real HTTP on loopback. */
class StatusServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final ManualConnectivityMonitor monitor = ConnectivityMonitor.manual();
    private OfflineStore store;
    private OperationQueue queue;
    private StatusServer server;

    @BeforeEach
    void start() {
        store = Stores.memory();
        queue = OperationQueue.open(store);
        queue.registerHandler("upload", operation -> Outcome.success());
        server = StatusServer.builder(queue, monitor).start();
    }

    @AfterEach
    void stop() {
        server.close();
        queue.close();
        store.close();
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply send(String method, String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private Reply send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, null);
    }

    @Test
    void bindsToLoopbackByDefault() {
        assertEquals("127.0.0.1", server.uri().getHost());
        assertTrue(server.port() > 0);
    }

    @Test
    void networkStatusAndConnectivityCheck() throws Exception {
        assertEquals("online", send("GET", "/api/offline/network-status", null).body().get("status").asText());
        monitor.setOnline(false);
        Reply checked = send("POST", "/api/offline/check-connectivity", null);
        assertEquals(200, checked.status());
        assertFalse(checked.body().get("online").asBoolean());
        assertEquals(2, checked.body().get("consecutive_failures").asInt(), "the switch and the check both saw it offline");
    }

    @Test
    void queueEndpointsEnqueueListGetStatsAndDelete() throws Exception {
        Reply created = send("POST", "/api/offline/queue",
                "{\"operation_type\":\"upload\",\"payload\":{\"file\":\"a.bin\"},\"priority\":5,\"key\":\"doc:1\"}");
        assertEquals(201, created.status());
        String id = created.body().get("id").asText();
        assertEquals("pending", created.body().get("status").asText());
        assertEquals(Status.PENDING, queue.get(id).status());
        assertEquals("a.bin", queue.get(id).payload().getString("file"));

        assertEquals(id, send("GET", "/api/offline/queue", null).body().get("operations").get(0).get("id").asText());
        assertEquals(5, send("GET", "/api/offline/queue/" + id, null).body().get("priority").asInt());
        assertEquals(1, send("GET", "/api/offline/queue/stats", null).body().get("pending").asInt());

        assertEquals(204, send("DELETE", "/api/offline/queue/" + id, null).status());
        assertTrue(queue.find(id).isEmpty());
        assertEquals(404, send("GET", "/api/offline/queue/" + id, null).status());
        assertEquals(404, send("DELETE", "/api/offline/queue/" + id, null).status());
    }

    @Test
    void syncEndpointsDriveTheQueueRunner() throws Exception {
        String id = queue.enqueue("upload", Document.of(Map.of("file", "b.bin")));

        Reply ran = send("POST", "/api/offline/sync", null);

        assertEquals(1, ran.body().get("succeeded").asInt());
        assertEquals(Status.COMPLETED, queue.get(id).status());
        assertEquals(1, send("POST", "/api/offline/queue/clear-completed", null).body().get("cleared").asInt());
        assertFalse(send("GET", "/api/offline/sync/status", null).body().get("auto").asBoolean());
        assertTrue(send("POST", "/api/offline/sync/start-auto", "{\"interval_seconds\":60}").body().get("auto").asBoolean());
        assertTrue(queue.isRunning());
        assertFalse(send("POST", "/api/offline/sync/stop-auto", null).body().get("auto").asBoolean());
        assertFalse(queue.isRunning());
        assertEquals("remote_wins", send("POST", "/api/offline/sync/conflict-strategy", "{\"strategy\":\"remote_wins\"}")
                .body().get("conflict_strategy").asText());

        queue.registerHandler("push", operation -> Outcome.retry("503 Service Unavailable"));
        queue.enqueue(Operation.builder("push").key("order:456").build());
        queue.enqueue(Operation.builder("email").build());
        send("POST", "/api/offline/sync", null);
        JsonNode described = send("GET", "/api/offline/sync/status", null).body().get("pending_operations");
        assertEquals("push (order:456): 1 attempt failed, last: 503 Service Unavailable", described.get(0).asText());
        assertEquals("email: waiting", described.get(1).asText());
    }

    @Test
    void badRequestsGet400WithAMessageAndStoreNothing() throws Exception {
        String[][] cases = {
            {"POST", "/api/offline/queue", "{not json"},
            {"POST", "/api/offline/queue", "[1,2]"},
            {"POST", "/api/offline/queue", "{\"payload\":{}}"},
            {"POST", "/api/offline/queue", "{\"operation_type\":\"upload\",\"payload\":\"text\"}"},
            {"POST", "/api/offline/queue", "{\"operation_type\":\"upload\",\"priority\":-1}"},
            {"POST", "/api/offline/queue", "{\"operation_type\":\"upload\",\"priority\":\"high\"}"},
            {"POST", "/api/offline/queue", "{\"operation_type\":\"upload\",\"depends_on\":[\"nope\"]}"},
            {"GET", "/api/offline/queue?status=bogus", null},
            {"GET", "/api/offline/queue?limit=-3", null},
            {"POST", "/api/offline/queue/clear-completed?older_than_seconds=soon", null},
            {"POST", "/api/offline/sync/start-auto", "{\"interval_seconds\":0}"},
            {"POST", "/api/offline/sync/conflict-strategy", "{\"strategy\":\"coin_toss\"}"},
        };
        for (String[] request : cases) {
            Reply reply = send(request[0], request[1], request[2]);
            String context = request[0] + " " + request[1] + " " + request[2];
            assertEquals(400, reply.status(), context);
            assertFalse(reply.body().get("error").asText().isBlank(), context);
        }
        assertEquals(0, queue.stats().total());
    }

    @Test
    void stateConflictsGet409() throws Exception {
        String id = queue.enqueue("upload", Document.empty());
        queue.runNow();
        Reply reply = send("POST", "/api/offline/queue/" + id + "/cancel", null);
        assertEquals(409, reply.status());
        assertTrue(reply.body().get("error").asText().contains("COMPLETED"));
    }

    @Test
    void aStoreThatFailsGets503WithTheReason() throws Exception {
        store.close();

        Reply reply = send("GET", "/api/offline/queue/stats", null);

        assertEquals(503, reply.status());
        assertTrue(reply.body().get("error").asText().contains("closed"), reply.body().toString());
    }

    @Test
    void aBearerTokenGuardsTheApiButNotThePage() throws Exception {
        server.close();
        server = StatusServer.builder(queue, monitor).bearerToken("s3cret").start();

        assertEquals(401, send("GET", "/api/offline/queue/stats", null).status());
        assertEquals(401, send("GET", "/api/offline/queue/stats", null, "wrong").status());
        assertEquals(401, send("POST", "/api/offline/queue", "{\"operation_type\":\"upload\"}", "wrong").status());
        assertEquals(0, queue.stats().total(), "a refused request stores nothing");
        assertEquals(200, send("GET", "/api/offline/queue/stats", null, "s3cret").status());
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(server.uri()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"sync-now\""));
    }
}
