package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.Operation.Status;
import io.offlinestore.sync.UserApi.User;
import io.offlinestore.sync.client.QueuedCall;
import io.offlinestore.sync.client.ReadInfo;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline-aware proxy against a real HTTP service on loopback that the test takes down and brings back. */
class OfflineClientTest {
    @TempDir
    Path directory;

    private final UserServer server = new UserServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private OfflineStore store;
    private OperationQueue queue;
    private ConnectivityMonitor monitor;
    private UserApi users;

    @BeforeEach
    void start() throws Exception {
        int port = server.start();
        store = Stores.mapdb(directory);
        queue = OperationQueue.open(store);
        monitor = ConnectivityMonitor.builder().http(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        queue.attach(monitor);
        users = OfflineClient.builder(UserApi.class, new HttpUserApi(server.base())).store(store).monitor(monitor)
                .queue(queue).clock(clock).build();
        assertTrue(monitor.checkNow().isOnline());
    }

    @AfterEach
    void stop() {
        queue.close();
        store.close();
        server.stop();
    }

    private static ReadInfo.Source lastSource() {
        return OfflineClient.lastRead().orElseThrow().source();
    }

    private void goOffline() {
        server.stop();
        assertFalse(monitor.checkNow().isOnline());
    }

    private void comeBack() throws Exception {
        server.start();
        assertTrue(monitor.checkNow().isOnline());
    }

    @Test
    void readsAreCachedWhileFreshRefetchedWhenStaleAndServedStaleWhileOffline() throws Exception {
        assertEquals(new User("1", "Ada"), users.getUser("1"));
        assertEquals(ReadInfo.Source.NETWORK, lastSource());
        assertEquals(new User("1", "Ada"), users.getUser("1"));
        assertEquals(ReadInfo.Source.CACHE_FRESH, lastSource());
        assertEquals(1, server.reads.get());

        clock.advance(Duration.ofMinutes(11));
        server.names.put("1", "Ada L.");
        assertEquals(new User("1", "Ada L."), users.getUser("1"));
        assertEquals(2, server.reads.get(), "stale and online: fetched again");

        goOffline();
        clock.advance(Duration.ofHours(5));
        assertEquals(new User("1", "Ada L."), users.getUser("1"));
        assertTrue(OfflineClient.lastRead().orElseThrow().isStale());
        CachedReadUnavailableException missing = assertThrows(CachedReadUnavailableException.class, () -> users.getUser("2"));
        assertTrue(missing.getMessage().contains("getUser"), missing.getMessage());
    }

    @Test
    void theCacheSurvivesARestartOfTheStore() throws Exception {
        users.getUser("2");
        queue.close();
        store.close();
        goOffline();
        store = Stores.mapdb(directory);
        queue = OperationQueue.open(store);
        UserApi reopened = OfflineClient.builder(UserApi.class, new HttpUserApi(server.base())).store(store)
                .monitor(monitor).queue(queue).clock(clock).build();

        assertEquals(new User("2", "Grace"), reopened.getUser("2"));
        assertEquals(ReadInfo.Source.CACHE_FRESH, lastSource());
        server.start();
    }

    @Test
    void writesOfflineAreQueuedAndReplayedWhenTheServerComesBack() throws Exception {
        users.getUser("1");
        goOffline();

        CompletableFuture<User> renamed = users.rename("1", "Ada Lovelace");
        users.log("renamed 1");

        QueuedCall<User> receipt = (QueuedCall<User>) renamed;
        assertTrue(receipt.isQueued());
        assertFalse(renamed.isDone());
        assertEquals(Status.PENDING, queue.get(receipt.operationId().orElseThrow()).status());
        assertEquals(2, queue.stats().count(Status.PENDING));
        assertEquals("Ada", users.getUser("1").name(), "the cache still answers while the write waits");

        comeBack();

        assertEquals(new User("1", "Ada Lovelace"), renamed.get(20, TimeUnit.SECONDS));
        awaitCompleted(2);
        assertEquals("Ada Lovelace", server.names.get("1"));
        assertEquals(List.of("renamed 1"), server.events);
        assertEquals("Ada Lovelace", users.getUser("1").name(), "the write invalidated the cached read");
        assertEquals(ReadInfo.Source.NETWORK, lastSource());
    }

    @Test
    void aWriteThatHitsANetworkErrorWhileSupposedlyOnlineIsQueued() throws Exception {
        server.stop();
        assertTrue(monitor.isOnline(), "the monitor has not noticed yet");

        CompletableFuture<User> renamed = users.rename("2", "Grace Hopper");

        assertTrue(((QueuedCall<User>) renamed).isQueued());
        assertEquals(1, queue.stats().count(Status.PENDING));
        server.start();
        queue.resetBackoff();
        queue.runNow();
        assertEquals(new User("2", "Grace Hopper"), renamed.get(5, TimeUnit.SECONDS));
    }

    @Test
    void onlineWritesGoThroughAndOtherErrorsReachTheCaller() throws Exception {
        CompletableFuture<User> renamed = users.rename("2", "G. Hopper");
        assertTrue(renamed.isDone());
        assertFalse(((QueuedCall<User>) renamed).isQueued());
        assertEquals(new User("2", "G. Hopper"), renamed.get());

        assertThrows(IllegalArgumentException.class, () -> users.rename("2", " "), "a 400 is not a network error");
        assertEquals(0, queue.stats().total());
        assertEquals("users at " + server.base(), users.describe(), "unannotated methods are called through");
    }

    @Test
    void aQueuedWriteTheServerRejectsFailsItsReceipt() throws Exception {
        goOffline();
        CompletableFuture<User> renamed = users.rename("2", " ");
        comeBack();
        queue.runNow();

        assertTrue(renamed.isCompletedExceptionally());
        assertEquals(Status.FAILED, queue.get(((QueuedCall<User>) renamed).operationId().orElseThrow()).status());
    }

    @Test
    void wrapQueuesWritesInAQueueOfItsOwnThatRunsWhenTheMonitorComesBack() throws Exception {
        UserApi wrapped = OfflineClient.wrap(UserApi.class, new HttpUserApi(server.base()), store, monitor);
        goOffline();

        wrapped.log("offline event");

        assertEquals(1, store.collection(OfflineClient.DEFAULT_QUEUE_COLLECTION).count());
        assertEquals(0, queue.stats().total(), "not in the application's queue");
        comeBack();
        Await.until("the queued call replayed on the service", () -> !server.events.isEmpty());
        assertEquals(List.of("offline event"), server.events);
    }

    @Test
    void misusedAnnotationsAreRefusedWhenTheProxyIsMade() {
        interface BadWrite {
            @QueuedWrite(type = "x")
            String write();
        }
        interface BadInvalidation {
            @QueuedWrite(type = "x")
            @Invalidates("nothing")
            void write();
        }
        interface BadTtl {
            @CachedRead(ttl = "soon")
            String read();
        }
        assertThrows(ConfigurationException.class, () -> OfflineClient.wrap(BadWrite.class, () -> "", store, monitor));
        assertThrows(ConfigurationException.class, () -> OfflineClient.wrap(BadInvalidation.class, () -> { }, store, monitor));
        assertThrows(ConfigurationException.class, () -> OfflineClient.wrap(BadTtl.class, () -> "", store, monitor));
    }

    private void awaitCompleted(int count) throws InterruptedException {
        Await.until(count + " completed operations", () -> queue.stats().count(Status.COMPLETED) >= count);
        assertEquals(count, queue.stats().count(Status.COMPLETED));
    }
}
