package io.offlinestore.sync.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.ConflictStrategy;
import io.offlinestore.sync.Resolution;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import io.offlinestore.sync.server.TestPostgres;
import io.offlinestore.sync.server.http.SyncHttpServer;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client stores on mapdb syncing through the server on PostgreSQL over real HTTP: offline
 * writes on three stores converge, each conflict strategy settles a concurrent edit, and one
 * user's documents never reach another's store.
 */
class EndToEndTest {
    private static ServerDatabase database;
    private static SyncHttpServer server;
    private static Accounts accounts;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        server = SyncHttpServer.builder(database.dataSource()).start();
        accounts = new Accounts(database.dataSource());
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private OfflineStore store(String name) {
        OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(dir.resolve(name)).build());
        open.add(store);
        return store;
    }

    private SyncEngine engine(OfflineStore store, String token, String collection, ConflictStrategy strategy) {
        SyncEngine engine = SyncEngine.create(store, SyncOptions.builder().serverUrl(server.uri()).token(token)
                .collections(collection).conflictStrategy(strategy).build());
        open.add(engine);
        return engine;
    }

    private static SyncResult sync(SyncEngine engine) {
        SyncResult result = engine.synchronize();
        assertTrue(result.ok(), result.toString());
        return result;
    }

    @Test
    void offlineWritesOnThreeStoresConverge() {
        String token = accounts.createToken("team");
        List<OfflineStore> stores = List.of(store("a"), store("b"), store("c"));
        List<SyncEngine> engines = new ArrayList<>();
        for (int s = 0; s < stores.size(); s++) {
            engines.add(engine(stores.get(s), token, "tasks", ConflictStrategy.SERVER_WINS));
            for (int i = 0; i < 40; i++) {
                stores.get(s).collection("tasks").create(Document.parse(
                        "{\"id\":\"s" + s + "-" + i + "\",\"title\":\"" + "task ".repeat(20) + i + "\"}"));
            }
        }
        stores.get(0).collection("tasks").delete("s0-0");
        for (SyncEngine engine : engines) {
            sync(engine);
        }
        for (SyncEngine engine : engines) {
            sync(engine);
        }
        for (OfflineStore store : stores) {
            assertEquals(119, store.collection("tasks").count(), "every store holds every live document");
            assertTrue(store.collection("tasks").get("s0-0").isEmpty());
            assertTrue(store.collection("tasks").get("s2-39").orElseThrow().getString("title").endsWith("39"));
        }
        for (SyncEngine engine : engines) {
            assertEquals(0, sync(engine).synced(), "converged: nothing more to move");
        }
    }

    @Test
    void eachConflictStrategySettlesAConcurrentEdit() {
        String token = accounts.createToken("editor");
        String[][] expected = {
                {"SERVER_WINS", "server", "b0"},
                {"CLIENT_WINS", "client", "client"},
                {"MERGE", "server", "client"},
        };
        for (String[] row : expected) {
            String collection = "notes_" + row[0].toLowerCase();
            OfflineStore first = store(collection + "-first");
            OfflineStore second = store(collection + "-second");
            SyncEngine e1 = engine(first, token, collection, ConflictStrategy.SERVER_WINS);
            SyncEngine e2 = engine(second, token, collection, ConflictStrategy.valueOf(row[0]));
            first.collection(collection).create(Document.parse("{\"id\":\"n\",\"title\":\"t0\",\"body\":\"b0\"}"));
            sync(e1);
            sync(e2);
            first.collection(collection).patch("n", Document.parse("{\"title\":\"server\"}"));
            second.collection(collection).patch("n", Document.parse("{\"body\":\"client\",\"title\":\"client\"}"));
            sync(e1);
            sync(e2);
            sync(e1);
            Document settled = second.collection(collection).get("n").orElseThrow();
            if (!row[0].equals("MERGE")) {
                assertEquals(row[1], settled.getString("title"), row[0]);
            }
            assertEquals(row[2], settled.getString("body"), row[0]);
            assertEquals(settled, first.collection(collection).get("n").orElseThrow(), row[0] + ": both converge");
        }

        OfflineStore first = store("manual-first");
        OfflineStore second = store("manual-second");
        SyncEngine e1 = engine(first, token, "manual", ConflictStrategy.SERVER_WINS);
        SyncEngine e2 = engine(second, token, "manual", ConflictStrategy.MANUAL);
        first.collection("manual").create(Document.parse("{\"id\":\"m\",\"v\":0}"));
        sync(e1);
        sync(e2);
        first.collection("manual").patch("m", Document.parse("{\"v\":1}"));
        second.collection("manual").patch("m", Document.parse("{\"v\":2}"));
        sync(e1);
        sync(e2);
        assertEquals(1, e2.conflicts().size(), "manual keeps the conflict for the user");
        e2.resolveConflict(e2.conflicts().get(0).id(), Resolution.keepLocal());
        sync(e2);
        sync(e1);
        assertEquals(2L, first.collection("manual").get("m").orElseThrow().getLong("v"));
    }

    @Test
    void oneUsersDocumentsNeverReachAnotherUsersStore() {
        OfflineStore annStore = store("ann");
        OfflineStore bobStore = store("bob");
        SyncEngine ann = engine(annStore, accounts.createToken("ann"), "diary", ConflictStrategy.SERVER_WINS);
        SyncEngine bob = engine(bobStore, accounts.createToken("bob"), "diary", ConflictStrategy.SERVER_WINS);
        annStore.collection("diary").create(Document.parse("{\"id\":\"monday\",\"text\":\"ann's\"}"));
        sync(ann);
        sync(bob);
        assertTrue(bobStore.collection("diary").get("monday").isEmpty());

        bobStore.collection("diary").create(Document.parse("{\"id\":\"monday\",\"text\":\"bob's\"}"));
        SyncResult refused = bob.synchronize();
        sync(ann);
        assertEquals("ann's", annStore.collection("diary").get("monday").orElseThrow().getString("text"),
                "bob's push of ann's document id was applied: " + refused);
    }
}
