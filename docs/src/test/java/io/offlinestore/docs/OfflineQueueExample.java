package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.Transaction;
import io.offlinestore.sync.CachedRead;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.Invalidates;
import io.offlinestore.sync.OfflineClient;
import io.offlinestore.sync.OfflineStatus;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.Outcome;
import io.offlinestore.sync.QueueOptions;
import io.offlinestore.sync.QueueStats;
import io.offlinestore.sync.QueuedWrite;
import io.offlinestore.sync.RunResult;
import io.offlinestore.sync.StatusServer;
import io.offlinestore.sync.client.QueuedCall;
import io.offlinestore.sync.client.ReadInfo;
import io.offlinestore.sync.connectivity.ManualConnectivityMonitor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The offline queue guide's code, run as a test. */
class OfflineQueueExample {

    /** A remote API as the application sees it. */
    public interface Profiles {
        @CachedRead(ttl = "10m")
        Map<String, String> profile(String user) throws IOException;

        @QueuedWrite(type = "rename")
        @Invalidates("profile")
        CompletableFuture<Void> rename(String user, String name) throws IOException;
    }

    /** Stands for the HTTP implementation of {@link Profiles}. */
    static final class RemoteProfiles implements Profiles {
        final Map<String, String> names = new ConcurrentHashMap<>(Map.of("ada", "Ada"));

        @Override
        public Map<String, String> profile(String user) {
            return Map.of("user", user, "name", names.get(user));
        }

        @Override
        public CompletableFuture<Void> rename(String user, String name) {
            names.put(user, name);
            return CompletableFuture.completedFuture(null);
        }
    }

    @Test
    void queue() {
        // region open
        StoreOptions options = StoreOptions.builder().backend("memory")
                .collection(QueueOptions.collectionSchema(QueueOptions.DEFAULT_COLLECTION)) // keeps queue writes out of the change log
                .build();
        try (OfflineStore store = OfflineStore.open(options);
                OperationQueue queue = OperationQueue.open(store)) {
            // endregion open

            // region enqueue
            String upload = queue.enqueue("upload", Document.of(Map.of("file", "model.bin")));
            String push = queue.enqueue(Operation.builder("push")
                    .payload(Document.of(Map.of("order", 456)))
                    .priority(5)                         // higher runs first across lanes
                    .key("order:456")                    // same key: one at a time, in order
                    .maxAttempts(10)
                    .expiresAfter(Duration.ofDays(1))
                    .dependsOn(upload)                   // waits until the upload completed
                    .build());
            // endregion enqueue

            // region transaction
            try (Transaction tx = store.beginTransaction()) {
                tx.collection("orders").put(Document.of(Map.of("id", "o-1", "total", 12)));
                queue.enqueue(tx, Operation.builder("push").key("order:o-1")
                        .payload(Document.of(Map.of("order", "o-1"))).build());
                tx.commit(); // the order and its operation are stored together, or neither is
            }
            // endregion transaction

            // region handlers
            queue.registerHandler("upload", operation -> {
                // send operation.id() as the idempotency key: a replay after a crash is then harmless
                return Outcome.success();
            });
            queue.registerHandler("push", operation -> operation.attempts() < 2
                    ? Outcome.retry("503 from the server")   // retried after a back-off
                    : Outcome.success());
            RunResult first = queue.runNow();
            // endregion handlers
            assertEquals(1, first.succeeded());
            assertEquals(2, first.retried());

            // region stats
            QueueStats stats = queue.stats();
            long pending = stats.count(Operation.Status.PENDING);
            queue.resetBackoff();        // what coming back online does
            queue.runNow();
            queue.clearCompleted(Duration.ofDays(7));
            // endregion stats
            assertEquals(2, pending);
            assertEquals(Operation.Status.COMPLETED, queue.get(push).status());
        }
    }

    @Test
    void clientAndStatus() throws Exception {
        RemoteProfiles remote = new RemoteProfiles();
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("memory").build());
                OperationQueue queue = OperationQueue.open(store)) {
            // region client
            ManualConnectivityMonitor monitor = ConnectivityMonitor.manual(); // or ConnectivityMonitor.builder().http(uri).build()
            queue.attach(monitor);                                             // runs the queue when back online
            Profiles profiles = OfflineClient.builder(Profiles.class, remote)
                    .store(store).monitor(monitor).queue(queue).build();

            profiles.profile("ada");                                 // fetched and cached
            monitor.setOnline(false);
            Map<String, String> cached = profiles.profile("ada");    // served from the cache
            ReadInfo.Source source = OfflineClient.lastRead().orElseThrow().source(); // CACHE_FRESH; CACHE_STALE past the ttl
            CompletableFuture<Void> receipt = profiles.rename("ada", "Ada Lovelace"); // queued
            String operationId = ((QueuedCall<Void>) receipt).operationId().orElseThrow();
            // endregion client
            assertEquals("Ada", cached.get("name"));
            assertEquals(ReadInfo.Source.CACHE_FRESH, source);
            assertEquals(Operation.Status.PENDING, queue.get(operationId).status());

            // region status
            monitor.setOnline(true);                         // the queue runs and the receipt completes
            receipt.get(10, TimeUnit.SECONDS);
            OfflineStatus status = OfflineStatus.of(queue, monitor);
            String network;
            try (StatusServer server = StatusServer.builder(queue, monitor).start()) { // 127.0.0.1, a free port
                URI page = server.uri();                                              // the status page
                network = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page.resolve("api/offline/network-status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();                 // {"status":"online",...}
            }
            // endregion status
            assertTrue(network.contains("\"status\":\"online\""), network);
            assertEquals(0, status.pendingCount());
            assertEquals("Ada Lovelace", remote.names.get("ada"));
        }
    }
}
