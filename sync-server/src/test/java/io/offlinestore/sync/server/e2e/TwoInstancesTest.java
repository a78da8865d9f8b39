package io.offlinestore.sync.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.protocol.MutationResult;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PulledDocument;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import io.offlinestore.sync.protocol.Scope;
import io.offlinestore.sync.server.TestPostgres;
import io.offlinestore.sync.server.http.SyncHttpServer;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two server instances on one database, clients pushing to both at once (each push sent twice,
 * once to each instance, as a client retrying through a balancer would), and a reader pulling
 * from both meanwhile: every mutation is applied exactly once, versions never repeat, and the
 * reader's pages come in strictly rising order and miss no write.
 */
class TwoInstancesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoInstancesOnOneDatabaseLoseAndRepeatNothing() throws Exception {
        String url = TestPostgres.freshDatabaseUrl();
        try (ServerDatabase one = ServerDatabase.external(url, "postgres", null, 6);
             ServerDatabase two = ServerDatabase.external(url, "postgres", null, 6)) {
            SyncHttpServer first = SyncHttpServer.builder(one.dataSource()).start();
            SyncHttpServer second = SyncHttpServer.builder(two.dataSource()).start();
            try {
                run(List.of(first.uri(), second.uri()), new Accounts(one.dataSource()).createToken("team"));
            } finally {
                first.close();
                second.close();
            }
        }
    }

    private static void run(List<URI> servers, String token) throws Exception {
        int clients = 4;
        int perClient = 60;
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Map<String, Long> seenByReader = new ConcurrentHashMap<>();
        Future<Integer> reader = pool.submit(() -> {
            String checkpoint = null;
            long lastVersion = 0;
            int pages = 0;
            boolean last = false;
            while (true) {
                boolean done = !writing.get();
                PullResponse page;
                do {
                    page = pull(servers.get(pages % 2), token, checkpoint);
                    pages++;
                    for (PulledDocument doc : page.documents()) {
                        assertTrue(doc.version() > lastVersion, "pull order went back: " + doc.version() + " after "
                                + lastVersion);
                        lastVersion = doc.version();
                        seenByReader.put(doc.document().id().asText(), doc.version());
                    }
                    checkpoint = page.checkpoint();
                } while (page.hasMore());
                if (last) {
                    return pages;
                }
                last = done;
            }
        });
        List<Future<List<MutationResult>>> pushers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pushers.add(pool.submit(() -> {
                List<MutationResult> results = new ArrayList<>();
                for (int i = 0; i < perClient; i += 3) {
                    List<Mutation> batch = new ArrayList<>();
                    for (int j = i; j < i + 3; j++) {
                        batch.add(create("client" + client, j, "c" + client + "-" + j));
                    }
                    PushRequest request = PushRequest.of("client" + client, List.of(new PushBatch(batch)));
                    results.addAll(push(servers.get((i / 3) % 2), token, request).results());
                    for (MutationResult replay : push(servers.get((i / 3 + 1) % 2), token, request).results()) {
                        assertEquals(MutationResult.Outcome.DUPLICATE, replay.outcome(), "a replay through the other"
                                + " instance must not apply again");
                    }
                }
                return results;
            }));
        }
        Map<Long, String> byVersion = new HashMap<>();
        for (Future<List<MutationResult>> pusher : pushers) {
            for (MutationResult result : pusher.get()) {
                assertEquals(MutationResult.Outcome.APPLIED, result.outcome());
                String previous = byVersion.put(result.version(), result.key().document().id().asText());
                assertEquals(null, previous, "version " + result.version() + " handed out twice");
            }
        }
        writing.set(false);
        reader.get();
        pool.shutdown();
        assertEquals(clients * perClient, byVersion.size());
        assertEquals(clients * perClient, seenByReader.size(), "the reader missed a write");
        byVersion.forEach((version, id) -> assertEquals(version, seenByReader.get(id)));
    }

    private static Mutation create(String client, long sequence, String id) {
        DocumentRef ref = DocumentRef.of("items", id);
        return new Mutation(new MutationKey(client, sequence + 1, ref), Mutation.Operation.PUT,
                JsonNodeFactory.instance.objectNode().put("id", id), 0);
    }

    private static PushResponse push(URI server, String token, PushRequest request) throws Exception {
        return ProtocolCodec.read(post(server.resolve("sync/v1/push"), token, ProtocolCodec.write(request)),
                PushResponse.class);
    }

    private static PullResponse pull(URI server, String token, String checkpoint) throws Exception {
        PullRequest request = PullRequest.of("reader", Scope.all("items"), checkpoint, 25);
        return ProtocolCodec.read(post(server.resolve("sync/v1/pull"), token, ProtocolCodec.write(request)),
                PullResponse.class);
    }

    private static byte[] post(URI uri, String token, byte[] body) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body()));
        return response.body();
    }
}
