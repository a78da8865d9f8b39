package io.offlinestore.sync.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.protocol.MutationResult;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import io.offlinestore.sync.protocol.Scope;
import io.offlinestore.sync.server.TestPostgres;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server on PostgreSQL over real loopback HTTP: tokens on every endpoint, scopes, bad
 * input answered 400/413 with nothing applied, rate limits, gzip bodies, health and metrics.
 */
class SyncHttpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServerLimits LIMITS = new ServerLimits(64 * 1024, 50, 1000, 2000);
    private static ServerDatabase database;
    private static SyncHttpServer server;
    private static HttpCalls http;
    private static String ann;
    private static String bob;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        server = SyncHttpServer.builder(database.dataSource()).limits(LIMITS)
                .collections(Set.of("notes", "todos", "limited")).start();
        http = new HttpCalls(server.uri());
        Accounts accounts = new Accounts(database.dataSource());
        ann = accounts.createToken("ann");
        bob = accounts.createToken("bob");
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    private static Mutation put(String client, long sequence, String collection, String id, long base, String text) {
        DocumentRef ref = DocumentRef.of(collection, id);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", id).put("text", text);
        return new Mutation(new MutationKey(client, sequence, ref), Mutation.Operation.PUT, body, base);
    }

    private static PushResponse push(String token, String client, Mutation... mutations) {
        HttpResponse<String> response = http.post("sync/v1/push", token,
                ProtocolCodec.write(PushRequest.of(client, List.of(new PushBatch(List.of(mutations))))));
        assertEquals(200, response.statusCode(), response.body());
        return ProtocolCodec.read(response.body().getBytes(), PushResponse.class);
    }

    private static PullResponse pull(String token, String collection) {
        HttpResponse<String> response = http.post("sync/v1/pull", token,
                ProtocolCodec.write(PullRequest.of("puller", Scope.all(collection), null, 100)));
        assertEquals(200, response.statusCode(), response.body());
        return ProtocolCodec.read(response.body().getBytes(), PullResponse.class);
    }

    private static String error(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).get("error").asText();
    }

    @Test
    void everySyncEndpointRefusesAMissingUnknownOrRevokedToken() throws IOException {
        String revoked = new Accounts(database.dataSource()).createToken("carol");
        assertTrue(new Accounts(database.dataSource()).revoke(revoked));
        byte[] pushBody = ProtocolCodec.write(PushRequest.of("c", List.of(new PushBatch(
                List.of(put("c", 1, "notes", "t1", 0, "x"))))));
        byte[] pullBody = ProtocolCodec.write(PullRequest.of("c", Scope.all("notes"), null, 10));
        for (String path : List.of("sync/v1/push", "sync/v1/pull")) {
            byte[] body = path.endsWith("push") ? pushBody : pullBody;
            for (String token : new String[] {null, "ost_nope", "garbage", revoked}) {
                HttpResponse<String> response = http.post(path, token, body);
                assertEquals(401, response.statusCode(), path + " with " + token + ": " + response.body());
                assertTrue(response.headers().firstValue("WWW-Authenticate").isPresent());
            }
        }
        assertEquals(0, pull(ann, "notes").documents().stream()
                .filter(d -> d.document().id().asText().equals("t1")).count(), "a refused push was applied");
    }

    @Test
    void anotherUsersTokenNeitherReadsNorOverwritesOutsideItsScope() {
        PushResponse created = push(ann, "ann-phone", put("ann-phone", 1, "notes", "secret", 0, "ann's"));
        assertEquals(MutationResult.Outcome.APPLIED, created.results().get(0).outcome());

        assertTrue(pull(bob, "notes").documents().stream().noneMatch(d -> d.document().id().asText().equals("secret")),
                "bob pulled ann's document");
        long version = created.results().get(0).version();
        PushResponse overwrite = push(bob, "bob-phone",
                put("bob-phone", 1, "notes", "bobs-own", 0, "fine"),
                put("bob-phone", 2, "notes", "secret", version, "bob's"));
        MutationResult refused = overwrite.results().get(1);
        assertEquals(MutationResult.Outcome.REJECTED, refused.outcome());
        assertNull(refused.serverDocument(), "a refusal must not show ann's document");
        assertEquals(MutationResult.Outcome.RETRY, overwrite.results().get(0).outcome(),
                "the batch is atomic: its innocent mutation is not applied either");
        PushResponse delete = push(bob, "bob-phone", new Mutation(new MutationKey("bob-phone", 3,
                DocumentRef.of("notes", "secret")), Mutation.Operation.DELETE, null, version));
        assertEquals(MutationResult.Outcome.REJECTED, delete.results().get(0).outcome());

        JsonNode annSees = pull(ann, "notes").documents().stream()
                .filter(d -> d.document().id().asText().equals("secret")).findFirst().orElseThrow().body();
        assertEquals("ann's", annSees.get("text").asText());
        assertTrue(pull(bob, "notes").documents().stream().noneMatch(d -> d.document().id().asText().equals("bobs-own")));
    }

    @Test
    void badInputIsA400NamingTheProblemAndNothingOfTheRequestIsApplied() throws IOException {
        HttpResponse<String> malformed = http.post("sync/v1/push", ann, "{\"protocolVersion\": 1, \"clientId\": ");
        assertEquals(400, malformed.statusCode());
        assertTrue(error(malformed).contains("PushRequest"), malformed.body());

        HttpResponse<String> wrongType = http.post("sync/v1/pull", ann,
                "{\"protocolVersion\":1,\"clientId\":\"c\",\"scope\":{\"collection\":\"notes\"},\"checkpoint\":null,"
                        + "\"limit\":\"many\"}");
        assertEquals(400, wrongType.statusCode(), wrongType.body());
        assertTrue(error(wrongType).contains("limit"), wrongType.body());

        HttpResponse<String> unknown = http.post("sync/v1/pull", ann,
                new String(ProtocolCodec.write(PullRequest.of("c", Scope.all("secrets"), null, 10))));
        assertEquals(400, unknown.statusCode());
        assertTrue(error(unknown).contains("unknown collection 'secrets'"), unknown.body());

        PushRequest halfBad = PushRequest.of("ann-tab", List.of(
                new PushBatch(List.of(put("ann-tab", 1, "todos", "first", 0, "ok"))),
                new PushBatch(List.of(put("ann-tab", 2, "todos", "twice", 0, "a"), put("ann-tab", 3, "todos", "twice", 0, "b")))));
        HttpResponse<String> twice = http.post("sync/v1/push", ann, ProtocolCodec.write(halfBad));
        assertEquals(400, twice.statusCode(), twice.body());
        assertTrue(error(twice).contains("twice"), twice.body());

        PushRequest badCollection = PushRequest.of("ann-tab", List.of(
                new PushBatch(List.of(put("ann-tab", 4, "todos", "second", 0, "ok"))),
                new PushBatch(List.of(put("ann-tab", 5, "nope", "x", 0, "a")))));
        HttpResponse<String> refused = http.post("sync/v1/push", ann, ProtocolCodec.write(badCollection));
        assertEquals(400, refused.statusCode(), refused.body());

        assertEquals(0, pull(ann, "todos").documents().size(), "part of a refused request was applied");
    }

    @Test
    void oversizedRequestsAre413AndNothingIsApplied() throws IOException {
        List<Mutation> many = new ArrayList<>();
        for (int i = 0; i < LIMITS.maxMutationsPerRequest() + 1; i++) {
            many.add(put("ann-big", i + 1, "limited", "m" + i, 0, "x"));
        }
        HttpResponse<String> tooMany = http.post("sync/v1/push", ann,
                ProtocolCodec.write(PushRequest.of("ann-big", List.of(new PushBatch(many)))));
        assertEquals(413, tooMany.statusCode(), tooMany.body());
        assertTrue(error(tooMany).contains("limit of " + LIMITS.maxMutationsPerRequest()), tooMany.body());

        String big = "x".repeat((int) LIMITS.maxRequestBytes());
        HttpResponse<String> tooBig = http.post("sync/v1/push", ann,
                ProtocolCodec.write(PushRequest.of("ann-big", List.of(new PushBatch(List.of(
                        put("ann-big", 100, "limited", "big", 0, big)))))));
        assertEquals(413, tooBig.statusCode(), tooBig.body());

        HttpResponse<String> bomb = http.post("sync/v1/push", ann, gzip(ProtocolCodec.write(PushRequest.of("ann-big",
                List.of(new PushBatch(List.of(put("ann-big", 101, "limited", "bomb", 0, big))))))),
                "Content-Encoding", "gzip");
        assertEquals(413, bomb.statusCode(), "the limit applies to the decoded body: " + bomb.body());

        assertEquals(0, pull(ann, "limited").documents().size());
    }

    @Test
    void gzipRequestBodiesAreAccepted() throws IOException {
        byte[] body = gzip(ProtocolCodec.write(PushRequest.of("ann-gz", List.of(new PushBatch(List.of(
                put("ann-gz", 1, "notes", "zipped", 0, "small")))))));
        HttpResponse<String> response = http.post("sync/v1/push", ann, body, "Content-Encoding", "gzip");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(pull(ann, "notes").documents().stream().anyMatch(d -> d.document().id().asText().equals("zipped")));
    }

    @Test
    void aTokenOverItsRateGets429() {
        SyncHttpServer strict = SyncHttpServer.builder(database.dataSource())
                .limits(new ServerLimits(64 * 1024, 50, 0.5, 3)).start();
        try {
            HttpCalls calls = new HttpCalls(strict.uri());
            byte[] body = ProtocolCodec.write(PullRequest.of("c", Scope.all("notes"), null, 1));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(calls.post("sync/v1/pull", bob, body).statusCode());
            }
            assertEquals(List.of(200, 200, 200, 429, 429), statuses);
            assertEquals(200, calls.post("sync/v1/pull", ann, body).statusCode(), "limits are per token");
        } finally {
            strict.close();
        }
    }

    @Test
    void healthAndMetricsReportTheInstance() throws IOException {
        HttpResponse<String> health = http.get("health");
        assertEquals(200, health.statusCode());
        assertEquals("up", JSON.readTree(health.body()).get("database").asText());

        push(ann, "ann-metrics", put("ann-metrics", 1, "notes", "counted", 0, "x"));
        http.post("sync/v1/pull", null, "{}");
        JsonNode metrics = JSON.readTree(http.get("metrics").body());
        assertTrue(metrics.get("push.mutations.applied").asLong() >= 1, metrics.toString());
        assertTrue(metrics.get("responses.401").asLong() >= 1, metrics.toString());
        assertTrue(metrics.get("requests").asLong() >= 2, metrics.toString());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
