package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Filters;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.ConflictStrategy;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.Resolution;
import io.offlinestore.sync.StatusServer;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import io.offlinestore.sync.SyncStatus;
import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.server.InMemorySyncStorage;
import io.offlinestore.sync.server.SyncServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The sync guide's code, run as a test against an in-process server. */
class SyncExample {

    @Test
    void sync() {
        // region server
        SyncServer server = SyncServer.builder(new InMemorySyncStorage()).build();
        SyncTransport transport = SyncTransport.of(server::push, server::pull);
        // endregion server
        try (OfflineStore phone = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             OfflineStore laptop = OfflineStore.open(StoreOptions.builder().backend("memory").build())) {
            // region options
            SyncOptions options = SyncOptions.builder()
                    .transport(transport)                       // or .serverUrl(URI.create("https://api.example.com"))
                    .collections("users", "orders")
                    .interval(Duration.ofMinutes(5))            // for start()
                    .conflictStrategy(ConflictStrategy.SERVER_WINS)
                    .conflictStrategy("orders", ConflictStrategy.MERGE)
                    .build();
            SyncEngine engine = SyncEngine.create(phone, options);
            // endregion options
            SyncEngine other = SyncEngine.create(laptop, options);

            // region manual
            phone.collection("users").create(Document.parse("{\"id\": \"u1\", \"name\": \"Ann\"}"));
            SyncResult result = engine.synchronize();     // push pending changes, then pull
            SyncStatus status = engine.status();          // state, last sync, pending, conflicts, last error
            // endregion manual
            assertEquals(1, result.pushed());
            assertEquals(0, status.pending());
            assertEquals(1, other.synchronize().pulled());

            // region merge
            phone.collection("orders").create(Document.parse("{\"id\": \"o1\", \"qty\": 1, \"note\": \"\"}"));
            engine.synchronize();
            other.synchronize();
            phone.collection("orders").patch("o1", Document.parse("{\"qty\": 2}"));
            laptop.collection("orders").patch("o1", Document.parse("{\"note\": \"ring twice\"}"));
            engine.synchronize();
            other.synchronize();   // conflict: merged field by field against the last synced version
            engine.synchronize();
            // endregion merge
            Document merged = phone.collection("orders").get("o1").orElseThrow();
            assertEquals(2, merged.getInteger("qty"));
            assertEquals("ring twice", merged.getString("note"));
            engine.close();
            other.close();
        }
    }

    @Test
    void manualResolutionAndPartialSync() {
        SyncServer server = SyncServer.builder(new InMemorySyncStorage()).build();
        SyncTransport transport = SyncTransport.of(server::push, server::pull);
        try (OfflineStore phone = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             OfflineStore laptop = OfflineStore.open(StoreOptions.builder().backend("memory").build())) {
            SyncOptions manual = SyncOptions.builder().transport(transport).collections("users")
                    .conflictStrategy(ConflictStrategy.MANUAL).build();
            SyncEngine engine = SyncEngine.create(phone, manual);
            SyncEngine other = SyncEngine.create(laptop, manual);
            laptop.collection("users").create(Document.parse("{\"id\": \"u1\", \"name\": \"Ann\"}"));
            other.synchronize();
            engine.synchronize();
            laptop.collection("users").patch("u1", Document.parse("{\"name\": \"Anne\"}"));
            other.synchronize();
            phone.collection("users").patch("u1", Document.parse("{\"name\": \"Annie\"}"));
            engine.synchronize();

            // region resolve
            for (Conflict conflict : engine.conflicts()) {   // the document waits; everything else keeps syncing
                Document local = conflict.local();           // null when deleted locally
                Document remote = conflict.remote();         // null when deleted on the server
                engine.resolveConflict(conflict.id(), local == null ? Resolution.keepRemote()
                        : Resolution.merged(remote == null ? local : remote.with("nickname", local.get("name"))));
            }
            engine.synchronize();
            // endregion resolve
            other.synchronize();
            Document resolved = laptop.collection("users").get("u1").orElseThrow();
            assertEquals("Anne", resolved.getString("name"));
            assertEquals("Annie", resolved.getString("nickname"));

            // region resolver
            List<String> critical = List.of("status", "fee");
            SyncOptions custom = SyncOptions.builder().transport(transport).collections("tickets")
                    .conflictResolver("tickets", conflict -> {
                        Document local = conflict.local();
                        Document remote = conflict.remote();
                        if (local == null || remote == null) {
                            return Resolution.keepLocal();
                        }
                        boolean sameCritical = critical.stream()
                                .allMatch(f -> Objects.equals(local.get(f), remote.get(f)));
                        return sameCritical ? Resolution.merged(remote.with("notes", local.get("notes")))
                                : Resolution.keepLocal();     // a critical difference: the user's action wins
                    })
                    .build();
            // endregion resolver
            assertTrue(custom.conflictResolver("tickets").isPresent());

            // region partial
            SyncOptions mine = SyncOptions.builder().transport(transport)
                    .scope("orders", Filters.where("owner").eq("ann"))   // only Ann's orders, always
                    .build();
            SyncEngine annsPhone = SyncEngine.create(phone, mine);
            SyncResult recent = annsPhone.partialSync("orders",
                    Filters.where("day").gte("2026-11-01"));            // this month first, with its own checkpoint
            // endregion partial
            assertTrue(recent.ok());
            annsPhone.close();
            engine.close();
            other.close();
        }
    }

    @Test
    void backgroundSyncAndTheStatusApi() throws Exception {
        SyncServer server = SyncServer.builder(new InMemorySyncStorage()).build();
        try (OfflineStore phone = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             OperationQueue queue = OperationQueue.open(phone)) {
            ConnectivityMonitor monitor = ConnectivityMonitor.manual();   // or ConnectivityMonitor.builder().http(...)
            // region background
            SyncEngine engine = SyncEngine.create(phone, SyncOptions.builder()
                    .transport(SyncTransport.of(server::push, server::pull))
                    .collections("users")
                    .connectivity(monitor)   // no periodic sync while offline; one at once on reconnect
                    .build());
            engine.start();                  // every 5 minutes, and whenever the network returns
            engine.conflictStrategy(ConflictStrategy.CLIENT_WINS);   // from now on, for every collection
            // endregion background
            phone.collection("users").create(Document.parse("{\"id\": \"u1\"}"));
            String body;
            // region status-api
            try (StatusServer status = StatusServer.builder(queue, monitor)
                    .documentSync(engine)    // the /api/offline/sync endpoints drive the queue and document sync
                    .start()) {
                body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(status.uri().resolve("api/offline/sync"))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString()).body();   // {"succeeded":0,...,"documents":{"pushed":1,...}}
            }
            // endregion status-api
            assertTrue(body.contains("\"documents\":{\"pushed\":"), body);
            assertEquals(0, engine.status().pending(), "the run (or the background sync before it) pushed the write");
            assertEquals(ConflictStrategy.CLIENT_WINS, engine.conflictStrategy("users"));
            engine.close();
        }
    }
}
