package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import io.offlinestore.sync.protocol.Scope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Push, pull, checkpoints, echo suppression and failures, on every persistent backend and memory. */
class SyncEngineTest {
    @TempDir
    Path dir;

    private static Document doc(String json) {
        return Document.parse(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "mapdb"})
    void writesTravelBothWaysAndPulledChangesAreNeverPushedBack(String backend) throws Exception {
        try (SyncFixture f = new SyncFixture(backend, dir)) {
            OfflineStore a = f.store("a");
            OfflineStore b = f.store("b");
            SyncEngine ea = f.engine(a, f.options("users").build());
            SyncEngine eb = f.engine(b, f.options("users").build());
            a.collection("users").create(doc("{\"id\":\"u1\",\"name\":\"Ann\"}"));
            a.collection("users").create(doc("{\"id\":\"u2\",\"name\":\"Bob\"}"));
            assertEquals(2, ea.status().pending());

            SyncResult pushed = ea.synchronize();
            assertEquals(2, pushed.pushed(), pushed.toString());
            assertEquals(0, ea.status().pending());
            assertEquals(2, eb.synchronize().pulled());
            assertEquals("Ann", b.collection("users").get("u1").orElseThrow().getString("name"));

            SyncResult echo = eb.synchronize();
            assertEquals(0, echo.pushed(), "pulled documents were pushed back: " + echo);
            assertEquals(0, eb.status().pending());

            b.collection("users").patch("u1", doc("{\"name\":\"Anna\"}"));
            b.collection("users").delete("u2");
            assertEquals(2, eb.synchronize().pushed());
            ea.synchronize();
            assertEquals("Anna", a.collection("users").get("u1").orElseThrow().getString("name"));
            assertTrue(a.collection("users").get("u2").isEmpty());
            assertEquals(0, ea.synchronize().synced());
            assertTrue(ea.synchronize().ok());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "mapdb"})
    void aLocalTransactionTravelsAsOneAtomicBatch(String backend) throws Exception {
        try (SyncFixture f = new SyncFixture(backend, dir)) {
            List<PushRequest> sent = new ArrayList<>();
            OfflineStore a = f.store("a");
            SyncEngine ea = f.engine(a, SyncOptions.builder().collections("users", "orders")
                    .transport(SyncTransport.of(r -> {
                        sent.add(r);
                        return f.server.push(r);
                    }, f.server::pull)).build());
            try (Transaction tx = a.beginTransaction("users", "orders")) {
                tx.collection("users").create(doc("{\"id\":\"u1\"}"));
                tx.collection("orders").create(doc("{\"id\":\"o1\",\"user\":\"u1\"}"));
                tx.commit();
            }
            ea.synchronize();
            assertEquals(1, sent.size());
            assertEquals(1, sent.get(0).batches().size());
            assertEquals(2, sent.get(0).batches().get(0).mutations().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "mapdb"})
    void aLostResponseIsRetriedUnderTheSameKeyAndAppliedOnce(String backend) throws Exception {
        try (SyncFixture f = new SyncFixture(backend, dir)) {
            AtomicInteger calls = new AtomicInteger();
            OfflineStore a = f.store("a");
            SyncEngine ea = f.engine(a, SyncOptions.builder().collections("users")
                    .transport(SyncTransport.of(r -> {
                        PushResponse response = f.server.push(r);
                        if (calls.incrementAndGet() == 1) {
                            throw new SyncTransportException("connection reset after the server applied it");
                        }
                        return response;
                    }, f.server::pull)).build());
            a.collection("users").create(doc("{\"id\":\"u1\",\"n\":1}"));
            SyncResult failed = ea.synchronize();
            assertFalse(failed.ok());
            assertEquals(1, ea.status().pending());
            assertTrue(ea.status().lastError().contains("connection reset"));

            SyncResult retried = ea.synchronize();
            assertTrue(retried.ok(), retried.toString());
            assertEquals(0, ea.status().pending());
            OfflineStore b = f.store("b");
            f.engine(b, f.options("users").build()).synchronize();
            assertEquals(1, b.collection("users").get("u1").orElseThrow().getInteger("n"));
            assertEquals(1, f.server.pull(PullRequest.of("x",
                    Scope.all("users"), null, 10)).documents().get(0).version());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mapdb"})
    void theCheckpointAndClientIdSurviveAReopen(String backend) throws Exception {
        try (SyncFixture f = new SyncFixture(backend, dir)) {
            OfflineStore a = f.store("a");
            f.engine(a, f.options("users").build());
            a.collection("users").create(doc("{\"id\":\"u1\"}"));
            f.engine(a, f.options("users").build()).synchronize();
            OfflineStore b = f.store("b");
            SyncEngine first = f.engine(b, f.options("users").build());
            String id = first.clientId();
            assertEquals(1, first.synchronize().pulled());
            first.close();
            b.close();
            OfflineStore reopened = f.store("b");
            SyncEngine second = f.engine(reopened, f.options("users").build());
            assertEquals(id, second.clientId());
            SyncResult again = second.synchronize();
            assertEquals(0, again.synced(), again.toString());
            assertTrue(reopened.collection("users").get("u1").isPresent());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory"})
    void longPullsReportProgressPageByPage(String backend) throws Exception {
        try (SyncFixture f = new SyncFixture(backend, dir)) {
            OfflineStore a = f.store("a");
            for (int i = 0; i < 25; i++) {
                a.collection("users").create(doc("{\"id\":\"u" + i + "\"}"));
            }
            f.engine(a, f.options("users").batchSize(7).build()).synchronize();
            OfflineStore b = f.store("b");
            SyncEngine eb = f.engine(b, f.options("users").pageSize(10).build());
            List<SyncProgress> progress = new ArrayList<>();
            eb.addProgressListener(progress::add);
            assertEquals(25, eb.synchronize().pulled());
            assertEquals(List.of(10L, 20L, 25L), progress.stream().map(SyncProgress::pulled).toList());
            assertEquals(15, progress.get(0).remaining());
            assertEquals(0, progress.get(2).remaining());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory"})
    void startSyncsInTheBackgroundAndRequestSyncRunsOneNow(String backend) throws Exception {
        try (SyncFixture f = new SyncFixture(backend, dir)) {
            OfflineStore a = f.store("a");
            SyncEngine ea = f.engine(a, f.options("users").interval(Duration.ofHours(1)).build());
            assertEquals(SyncStatus.State.STOPPED, ea.status().state());
            a.collection("users").create(doc("{\"id\":\"u1\"}"));
            ea.start();
            awaitNothingPending(ea);
            assertEquals(SyncStatus.State.IDLE, ea.status().state());
            assertTrue(ea.status().lastSync() != null);

            a.collection("users").create(doc("{\"id\":\"u2\"}"));
            ea.requestSync();   // what the connectivity monitor calls when the network returns
            awaitNothingPending(ea);
            ea.stop();
            assertEquals(SyncStatus.State.STOPPED, ea.status().state());
        }
    }

    static void awaitNothingPending(SyncEngine engine) throws InterruptedException {
        Await.until("a background sync pushing every change",
                () -> engine.status().pending() == 0 && engine.status().state() != SyncStatus.State.SYNCING);
    }
}
