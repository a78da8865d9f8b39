package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.server.InMemorySyncStorage;
import io.offlinestore.sync.server.SyncServer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A device away longer than the tombstone retention is told RESET and resyncs its scope; a device
 * whose first pull comes after the purge of a document it already holds resyncs it too.
 */
class ResetResyncTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SyncServer server = SyncServer.builder(new InMemorySyncStorage()).clock(clock)
            .tombstoneRetention(Duration.ofDays(7)).build();

    @Test
    void resyncDropsDocumentsDeletedWhileAwayAndKeepsLocalWork() {
        SyncOptions options = SyncOptions.builder().transport(SyncTransport.of(server::push, server::pull))
                .collections("notes").conflictStrategy(ConflictStrategy.CLIENT_WINS).build();
        try (OfflineStore away = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             OfflineStore home = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             SyncEngine awayEngine = SyncEngine.create(away, options);
             SyncEngine homeEngine = SyncEngine.create(home, options)) {
            for (String id : new String[] {"keep", "gone", "mine"}) {
                home.collection("notes").create(Document.parse("{\"id\":\"" + id + "\"}"));
            }
            homeEngine.synchronize();
            awayEngine.synchronize();
            assertEquals(3, away.collection("notes").count());

            home.collection("notes").delete("gone");
            home.collection("notes").delete("mine");
            home.collection("notes").create(Document.parse("{\"id\":\"new\"}"));
            homeEngine.synchronize();
            clock.advance(Duration.ofDays(30));
            server.purge();
            away.collection("notes").patch("mine", Document.parse("{\"edited\":true}"));

            SyncResult result = awayEngine.synchronize();
            assertTrue(result.ok(), result.toString());
            assertTrue(away.collection("notes").get("gone").isEmpty(), "deleted while away: dropped by the resync");
            assertTrue(away.collection("notes").get("new").isPresent());
            assertTrue(away.collection("notes").get("keep").isPresent());
            assertTrue(away.collection("notes").get("mine").isPresent(), "a local edit wins over the purged delete");
            assertEquals(0, awayEngine.synchronize().pulled(), "the resync ended with a fresh checkpoint");
        }
    }

    /** Simulator seeds 743 and 961: the pushes got through, every pull failed until after the purge. */
    @Test
    void firstPullAfterThePurgeDropsAPushedDocumentDeletedMeanwhile() {
        AtomicBoolean pullsFail = new AtomicBoolean(true);
        SyncOptions awayOptions = SyncOptions.builder().transport(SyncTransport.of(server::push, request -> {
            if (pullsFail.get()) {
                throw new SyncTransportException("pull: offline");
            }
            return server.pull(request);
        })).collections("notes").build();
        SyncOptions homeOptions = SyncOptions.builder().transport(SyncTransport.of(server::push, server::pull))
                .collections("notes").build();
        try (OfflineStore away = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             OfflineStore home = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             SyncEngine awayEngine = SyncEngine.create(away, awayOptions);
             SyncEngine homeEngine = SyncEngine.create(home, homeOptions)) {
            away.collection("notes").create(Document.parse("{\"id\":\"pushed\"}"));
            away.collection("notes").create(Document.parse("{\"id\":\"kept\"}"));
            SyncResult pushOnly = awayEngine.synchronize();
            assertEquals(2, pushOnly.pushed(), pushOnly.toString());
            assertFalse(pushOnly.ok(), "the pull failed");

            homeEngine.synchronize();
            home.collection("notes").delete("pushed");
            homeEngine.synchronize();
            clock.advance(Duration.ofDays(30));
            server.purge();

            pullsFail.set(false);
            SyncResult result = awayEngine.synchronize();
            assertTrue(result.ok(), result.toString());
            assertTrue(away.collection("notes").get("pushed").isEmpty(),
                    "deleted on the server and purged before the first pull: dropped by it");
            assertTrue(away.collection("notes").get("kept").isPresent());
            assertEquals(0, awayEngine.synchronize().pulled(), "the first pull ended with a checkpoint");
        }
    }
}
