package io.offlinestore.sync.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.protocol.MutationResult;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import io.offlinestore.sync.server.TestPostgres;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing the server lets a push in flight finish and be answered, while requests arriving
 * meanwhile get 503. The push is held in flight by locking the counter row from another
 * connection.
 */
class GracefulShutdownTest {
    @Test
    void aPushInFlightFinishesWhileNewRequestsGet503() throws Exception {
        try (ServerDatabase database = TestPostgres.freshDatabase()) {
            String token = new Accounts(database.dataSource()).createToken("ann");
            SyncHttpServer server = SyncHttpServer.builder(database.dataSource()).shutdownGrace(Duration.ofSeconds(30))
                    .start();
            HttpCalls http = new HttpCalls(server.uri());
            DocumentRef ref = DocumentRef.of("notes", "n1");
            byte[] push = ProtocolCodec.write(PushRequest.of("c", List.of(new PushBatch(List.of(new Mutation(
                    new MutationKey("c", 1, ref), Mutation.Operation.PUT,
                    JsonNodeFactory.instance.objectNode().put("id", "n1"), 0))))));
            CompletableFuture<HttpResponse<String>> inFlight;
            CompletableFuture<Void> closed;
            try (Connection blocker = database.dataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    statement.execute("select value from sync_counter where id = 1 for update");
                }
                inFlight = CompletableFuture.supplyAsync(() -> http.post("sync/v1/push", token, push));
                waitForInFlight(http);
                closed = CompletableFuture.runAsync(server::close);
                waitForDraining(http);
                HttpResponse<String> refused = http.post("sync/v1/push", token, push);
                assertEquals(503, refused.statusCode(), refused.body());
                assertFalse(inFlight.isDone(), "the push is still held by the lock");
                assertFalse(closed.isDone(), "close waits for the push in flight");
                blocker.commit();
            }
            HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode(), finished.body());
            PushResponse response = ProtocolCodec.read(finished.body().getBytes(), PushResponse.class);
            assertEquals(MutationResult.Outcome.APPLIED, response.results().get(0).outcome());
            closed.get(30, TimeUnit.SECONDS);
            assertTrue(closed.isDone());
        }
    }

    private static void waitForInFlight(HttpCalls http) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (http.get("metrics").body().contains("\"requests.in_flight\":1")) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the push never went in flight");
    }

    private static void waitForDraining(HttpCalls http) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (http.get("health").body().contains("\"draining\":true")) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the server never started draining");
    }
}
