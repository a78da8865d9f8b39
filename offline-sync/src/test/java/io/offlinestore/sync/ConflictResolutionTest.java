package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.server.MutationValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every conflict strategy, stored conflicts and their resolution, custom resolvers, rejections. */
class ConflictResolutionTest {
    @TempDir
    Path dir;

    /** Two clients that both hold {@code users/u1} as first synced, with the given options. */
    private final class TwoClients implements AutoCloseable {
        final SyncFixture f;
        final OfflineStore a;
        final OfflineStore b;
        final SyncEngine ea;
        final SyncEngine eb;

        TwoClients(UnaryOperator<SyncOptions.Builder> options, MutationValidator validator) {
            f = new SyncFixture("memory", dir, validator);
            a = f.store("a");
            b = f.store("b");
            ea = f.engine(a, options.apply(f.options("users")).build());
            eb = f.engine(b, options.apply(f.options("users")).build());
            a.collection("users").create(Document.parse(
                    "{\"id\":\"u1\",\"name\":\"Ann\",\"email\":\"ann@x\",\"age\":30}"));
            ea.synchronize();
            eb.synchronize();
        }

        TwoClients(UnaryOperator<SyncOptions.Builder> options) {
            this(options, m -> Optional.empty());
        }

        Document at(OfflineStore store) {
            return store.collection("users").get("u1").orElse(null);
        }

        /** A changes u1 and syncs first; B changes it too and syncs into the conflict; A syncs again. */
        void concurrently(String aPatch, String bPatch) {
            a.collection("users").patch("u1", Document.parse(aPatch));
            b.collection("users").patch("u1", Document.parse(bPatch));
            ea.synchronize();
            eb.synchronize();
            ea.synchronize();
        }

        @Override
        public void close() {
            f.close();
        }
    }

    @Test
    void serverWinsTakesTheServerVersionLocally() throws Exception {
        try (TwoClients c = new TwoClients(o -> o.conflictStrategy(ConflictStrategy.REMOTE_WINS))) {
            c.concurrently("{\"name\":\"A\"}", "{\"name\":\"B\"}");
            assertEquals("A", c.at(c.b).getString("name"));
            assertEquals("A", c.at(c.a).getString("name"));
            assertEquals(0, c.eb.status().pending());
        }
    }

    @Test
    void clientWinsPushesTheLocalVersionOverTheServers() throws Exception {
        try (TwoClients c = new TwoClients(o -> o.conflictStrategy("users", ConflictStrategy.LOCAL_WINS))) {
            c.concurrently("{\"name\":\"A\"}", "{\"name\":\"B\"}");
            assertEquals("B", c.at(c.a).getString("name"));
            assertEquals("B", c.at(c.b).getString("name"));
        }
    }

    @Test
    void mergeKeepsConcurrentEditsOfDifferentFieldsAndFallsBackOnTheSameField() throws Exception {
        try (TwoClients c = new TwoClients(o -> o.conflictStrategy(ConflictStrategy.MERGE))) {
            c.concurrently("{\"name\":\"A\",\"age\":31}", "{\"email\":\"b@x\",\"age\":32}");
            Document merged = c.at(c.a);
            assertEquals("A", merged.getString("name"));
            assertEquals("b@x", merged.getString("email"));
            assertEquals(31, merged.getInteger("age"), "same field: the fallback side (server) wins");
            assertEquals(merged, c.at(c.b));
        }
        try (TwoClients c = new TwoClients(o -> o.conflictStrategy(ConflictStrategy.MERGE)
                .mergeFallback(ConflictStrategy.CLIENT_WINS))) {
            c.concurrently("{\"age\":31}", "{\"age\":32,\"email\":null}");
            assertEquals(32, c.at(c.a).getInteger("age"));
            assertTrue(!c.at(c.a).has("email"), "a removal on one side survives the merge");
        }
    }

    @Test
    void manualStoresTheConflictBlocksOnlyThatDocumentAndResolvesOnRequest() throws Exception {
        try (TwoClients c = new TwoClients(o -> o.conflictStrategy(ConflictStrategy.MANUAL))) {
            c.concurrently("{\"name\":\"A\"}", "{\"name\":\"B\"}");
            List<Conflict> conflicts = c.eb.conflicts();
            assertEquals(1, conflicts.size());
            Conflict conflict = conflicts.get(0);
            assertEquals("users/u1", conflict.id());
            assertEquals(Conflict.Kind.CONCURRENT_CHANGE, conflict.kind());
            assertEquals("B", conflict.local().getString("name"));
            assertEquals("A", conflict.remote().getString("name"));
            assertEquals("Ann", conflict.base().getString("name"));
            assertEquals(1, c.eb.status().conflicts());

            c.b.collection("users").create(Document.parse("{\"id\":\"u2\"}"));
            c.a.collection("users").patch("u1", Document.parse("{\"age\":40}"));
            c.ea.synchronize();
            c.eb.synchronize();
            assertEquals("B", c.at(c.b).getString("name"), "the waiting document is not overwritten");
            c.ea.synchronize();
            assertTrue(c.a.collection("users").get("u2").isPresent(), "other documents keep syncing");

            Conflict refreshed = c.eb.conflicts().get(0);
            assertEquals(40, refreshed.remote().getInteger("age"), "the pull keeps the conflict's server side current");
            c.eb.resolveConflict("users/u1", Resolution.merged(c.at(c.b).with("age", 40)));
            assertEquals(List.of(), c.eb.conflicts());
            c.eb.synchronize();
            assertEquals(List.of(), c.eb.conflicts(), "resolved against the current server version: no new conflict");
            c.ea.synchronize();
            assertEquals("B", c.at(c.a).getString("name"));
            assertEquals(40, c.at(c.a).getInteger("age"));
            assertThrows(SyncConflictNotFoundException.class,
                    () -> c.eb.resolveConflict("users/u1", Resolution.keepLocal()));
        }
    }

    @Test
    void storedConflictsResolveToEitherSide() throws Exception {
        try (TwoClients c = new TwoClients(o -> o.conflictStrategy(ConflictStrategy.MANUAL))) {
            c.concurrently("{\"name\":\"A\"}", "{\"name\":\"B\"}");
            c.eb.resolveConflict("users/u1", Resolution.keepRemote());
            assertEquals("A", c.at(c.b).getString("name"));
            c.eb.synchronize();
            assertEquals(0, c.eb.status().pending());

            c.concurrently("{\"name\":\"A2\"}", "{\"name\":\"B2\"}");
            c.eb.resolveConflict("users/u1", Resolution.keepLocal());
            c.eb.synchronize();
            c.ea.synchronize();
            assertEquals("B2", c.at(c.a).getString("name"));
        }
    }

    @Test
    void seed003CriticalFieldsRuleAsACustomResolver() throws Exception {
        List<String> critical = List.of("vehicle_number", "status", "fee");
        ConflictResolver rule = conflict -> {
            Document local = conflict.local();
            Document remote = conflict.remote();
            if (local == null || remote == null) {
                return Resolution.keepLocal();
            }
            boolean sameCritical = critical.stream().allMatch(f -> Objects.equals(local.get(f), remote.get(f)));
            if (!sameCritical) {
                return Resolution.keepLocal();
            }
            Document merged = remote;
            for (String field : List.of("driver_name", "notes")) {
                if (local.get(field) != null && !"N/A".equals(local.get(field))) {
                    merged = merged.with(field, local.get(field));
                }
            }
            return Resolution.merged(merged);
        };
        try (TwoClients c = new TwoClients(o -> o.conflictResolver("users", rule))) {
            c.a.collection("users").put(Document.of(Map.of("id", "u1", "vehicle_number", "KA-1", "status", "in",
                    "fee", 10, "driver_name", "N/A", "notes", "gate 2")));
            c.ea.synchronize();
            c.eb.synchronize();

            c.concurrently("{\"gate\":3}", "{\"driver_name\":\"Raj\"}");
            assertEquals("Raj", c.at(c.a).getString("driver_name"), "user field merged from local");
            assertEquals(3, c.at(c.a).getInteger("gate"), "the rest comes from the server");

            c.concurrently("{\"status\":\"out\"}", "{\"fee\":12}");
            assertEquals(12, c.at(c.a).getInteger("fee"), "critical difference: the local version wins");
            assertEquals("in", c.at(c.a).getString("status"));
        }
    }

    @Test
    void aRejectedChangeParksOnlyItsDocumentUntilResolved() throws Exception {
        try (TwoClients c = new TwoClients(o -> o, m -> m.body() != null && m.body().has("poison")
                ? Optional.of("poison is not allowed") : Optional.empty())) {
            c.a.collection("users").create(Document.parse("{\"id\":\"bad\",\"poison\":true}"));
            c.a.collection("users").create(Document.parse("{\"id\":\"good\"}"));
            SyncResult result = c.ea.synchronize();
            assertEquals(1, result.conflicts());
            c.a.collection("users").create(Document.parse("{\"id\":\"later\"}"));
            c.ea.synchronize();
            c.eb.synchronize();
            assertTrue(c.b.collection("users").get("good").isPresent());
            assertTrue(c.b.collection("users").get("later").isPresent());
            assertTrue(c.b.collection("users").get("bad").isEmpty());
            Conflict rejected = c.ea.conflicts().get(0);
            assertEquals(Conflict.Kind.REJECTED, rejected.kind());
            assertEquals("poison is not allowed", rejected.reason());
            assertNull(rejected.remote());

            c.ea.resolveConflict(rejected.id(), Resolution.keepRemote());
            assertTrue(c.a.collection("users").get("bad").isEmpty(), "the refused document is dropped locally");
            assertEquals(0, c.ea.status().pending());
            assertEquals(0, c.ea.status().conflicts());
        }
    }

    @Test
    void aDeleteAgainstAnUpdateFollowsTheStrategy() throws Exception {
        try (TwoClients c = new TwoClients(o -> o.conflictStrategy(ConflictStrategy.SERVER_WINS))) {
            c.a.collection("users").patch("u1", Document.parse("{\"name\":\"A\"}"));
            c.b.collection("users").delete("u1");
            c.ea.synchronize();
            c.eb.synchronize();
            assertEquals("A", c.at(c.b).getString("name"), "the server's update wins over the local delete");
        }
    }
}
