package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.query.Filters;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.Scope;
import io.offlinestore.sync.protocol.SyncProtocolException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 004's partial sync: only the user's documents, only recent ones. */
class PartialSyncTest {
    @TempDir
    Path dir;

    private static void seedServer(SyncFixture f) {
        OfflineStore admin = f.store("admin");
        admin.collection("orders").create(Document.parse("{\"id\":\"o1\",\"owner\":\"ann\",\"day\":\"2026-11-01\"}"));
        admin.collection("orders").create(Document.parse("{\"id\":\"o2\",\"owner\":\"bob\",\"day\":\"2026-11-20\"}"));
        admin.collection("orders").create(Document.parse("{\"id\":\"o3\",\"owner\":\"ann\",\"day\":\"2026-11-25\"}"));
        f.engine(admin, f.options("orders").build()).synchronize();
    }

    @Test
    void aScopedCollectionPullsOnlyMatchingDocumentsAndDropsThoseThatLeaveTheScope() throws Exception {
        try (SyncFixture f = new SyncFixture("memory", dir)) {
            seedServer(f);
            OfflineStore ann = f.store("ann");
            SyncEngine engine = f.engine(ann, f.options().scope("orders", Filters.where("owner").eq("ann")).build());
            assertEquals(2, engine.synchronize().pulled());
            assertEquals(2, ann.collection("orders").count());

            OfflineStore bob = f.store("bob");
            SyncEngine bobs = f.engine(bob, f.options("orders").build());
            bobs.synchronize();
            bob.collection("orders").patch("o1", Document.parse("{\"owner\":\"bob\"}"));
            bobs.synchronize();
            engine.synchronize();
            assertTrue(ann.collection("orders").get("o1").isEmpty(), "a document leaving the scope is dropped");
            assertEquals(0, engine.status().pending(), "dropping it is not a local change to push");
        }
    }

    @Test
    void partialSyncPullsARecentSliceWithItsOwnCheckpoint() throws Exception {
        try (SyncFixture f = new SyncFixture("memory", dir)) {
            seedServer(f);
            OfflineStore phone = f.store("phone");
            SyncEngine engine = f.engine(phone, f.options("orders").build());
            SyncResult recent = engine.partialSync("orders", Filters.where("day").gte("2026-11-15"));
            assertEquals(2, recent.pulled());
            assertTrue(phone.collection("orders").get("o1").isEmpty());
            assertEquals(0, engine.partialSync("orders", Filters.where("day").gte("2026-11-15")).pulled());
            assertEquals(3, engine.synchronize().pulled() + 2, "the full scope then fills in the rest");
            assertEquals(3, phone.collection("orders").count());
        }
    }

    @Test
    void aScopeTheServerCannotEvaluateIsReportedNotIgnored() throws Exception {
        try (SyncFixture f = new SyncFixture("memory", dir)) {
            OfflineStore phone = f.store("phone");
            SyncEngine engine = f.engine(phone, f.options("orders").build());
            SyncResult result = engine.partialSync("orders", Filters.parse("{\"owner\":{\"$regex\":\"^a\"}}"));
            assertTrue(result.errors().get(0).contains("owner.$regex"), result.errors().toString());
            assertThrows(IllegalArgumentException.class, () -> engine.partialSync("users", Filters.all()));
            assertThrows(SyncProtocolException.class, () -> f.server.pull(PullRequest.of("x", Scope.all("orders"), "nope", 1)));
        }
    }
}
