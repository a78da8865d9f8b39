package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.Subscription;
import io.offlinestore.sync.connectivity.ManualConnectivityMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SyncEngine#start()} following a {@link ConnectivityMonitor}, and the runtime conflict strategy. */
class SyncConnectivityTest {
    @TempDir
    Path dir;

    private final ManualConnectivityMonitor monitor = ConnectivityMonitor.manual();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger consultations = new AtomicInteger();
    /** The manual monitor, counting how often the engine asks it whether it is online. */
    private final ConnectivityMonitor consulted = new ConnectivityMonitor() {
        @Override
        public ConnectivityStatus status() {
            consultations.incrementAndGet();
            return monitor.status();
        }

        @Override
        public ConnectivityStatus checkNow() {
            return monitor.checkNow();
        }

        @Override
        public Subscription addListener(Listener listener) {
            return monitor.addListener(listener);
        }

        @Override
        public void start() {
            monitor.start();
        }

        @Override
        public void stop() {
            monitor.stop();
        }
    };

    /** The fixture's in-process transport, counting every request that reaches it. */
    private SyncTransport counted(SyncFixture f) {
        SyncTransport inner = f.transport();
        return SyncTransport.of(request -> {
            calls.incrementAndGet();
            return inner.push(request);
        }, request -> {
            calls.incrementAndGet();
            return inner.pull(request);
        });
    }

    @Test
    void periodicSyncsAreSkippedWhileOfflineAndReconnectingSyncsAtOnce() throws Exception {
        try (SyncFixture f = new SyncFixture("mapdb", dir)) {
            OfflineStore a = f.store("a");
            monitor.setOnline(false);
            SyncEngine engine = f.engine(a, SyncOptions.builder().transport(counted(f)).collections("users")
                    .interval(Duration.ofSeconds(1)).connectivity(consulted).build());
            a.collection("users").create(Document.parse("{\"id\":\"u1\"}"));

            engine.start();
            assertEquals(SyncStatus.State.OFFLINE, engine.status().state());
            int before = consultations.get();
            // each periodic run asks the monitor first: two more questions mean runs fell due, offline
            Await.until("two periodic runs consulting the monitor", () -> consultations.get() >= before + 2);
            assertEquals(0, calls.get(), "a periodic sync reached the network while offline");
            assertEquals(1, engine.status().pending());

            monitor.setOnline(true);   // the reconnect (or the next tick) syncs now
            awaitNothingPending(engine);
            assertEquals(1, f.storage.countChangedAfter("users", 0), "the server did not get the write");
            assertTrue(engine.status().lastSync() != null);
        }
    }

    @Test
    void aStoppedEngineNoLongerFollowsTheMonitor() throws Exception {
        try (SyncFixture f = new SyncFixture("memory", dir)) {
            OfflineStore a = f.store("a");
            SyncEngine engine = f.engine(a, SyncOptions.builder().transport(counted(f)).collections("users")
                    .interval(Duration.ofHours(1)).connectivity(monitor).build());
            engine.start();
            awaitCalls(1);   // the first periodic sync, online
            awaitNothingPending(engine);
            engine.stop();
            assertEquals(SyncStatus.State.STOPPED, engine.status().state());
            int before = calls.get();
            a.collection("users").create(Document.parse("{\"id\":\"u1\"}"));
            monitor.setOnline(false);
            monitor.setOnline(true);
            Thread.sleep(500);
            assertEquals(before, calls.get(), "a stopped engine synced on reconnect");
            assertEquals(1, engine.status().pending());

            engine.start();   // following again: the next reconnect syncs though the interval is an hour
            awaitNothingPending(engine);
            a.collection("users").create(Document.parse("{\"id\":\"u2\"}"));
            monitor.setOnline(false);
            monitor.setOnline(true);
            awaitNothingPending(engine);
        }
    }

    @Test
    void theConflictStrategyCanBeSwitchedWhileRunning() {
        try (SyncFixture f = new SyncFixture("memory", dir)) {
            OfflineStore a = f.store("a");
            OfflineStore b = f.store("b");
            SyncEngine ea = f.engine(a, f.options("users", "orders").conflictStrategy("orders", ConflictStrategy.MERGE).build());
            SyncEngine eb = f.engine(b, f.options("users", "orders").build());
            assertEquals(ConflictStrategy.SERVER_WINS, ea.conflictStrategy("users"));
            assertEquals(ConflictStrategy.MERGE, ea.conflictStrategy("orders"));
            assertThrows(SyncException.class, () -> ea.conflictStrategy("invoices"));

            a.collection("users").create(Document.parse("{\"id\":\"u1\",\"name\":\"Ann\"}"));
            ea.synchronize();
            eb.synchronize();
            a.collection("users").patch("u1", Document.parse("{\"name\":\"local\"}"));
            b.collection("users").patch("u1", Document.parse("{\"name\":\"remote\"}"));
            eb.synchronize();

            ea.conflictStrategy(ConflictStrategy.CLIENT_WINS);
            assertEquals(ConflictStrategy.CLIENT_WINS, ea.conflictStrategy("orders"));
            SyncResult result = ea.synchronize();
            assertEquals(1, result.conflicts(), result.toString());
            eb.synchronize();
            assertEquals("local", b.collection("users").get("u1").orElseThrow().getString("name"),
                    "server-wins, configured, would have kept 'remote'");

            ea.conflictStrategy(ConflictStrategy.MANUAL);
            a.collection("users").patch("u1", Document.parse("{\"name\":\"local again\"}"));
            b.collection("users").patch("u1", Document.parse("{\"name\":\"remote again\"}"));
            eb.synchronize();
            ea.synchronize();
            assertEquals(1, ea.conflicts().size(), "manual stores the conflict");
        }
    }

    private void awaitCalls(int atLeast) throws InterruptedException {
        Await.until("a sync reaching the transport", () -> calls.get() >= atLeast);
    }

    private static void awaitNothingPending(SyncEngine engine) throws InterruptedException {
        SyncEngineTest.awaitNothingPending(engine);
    }
}
