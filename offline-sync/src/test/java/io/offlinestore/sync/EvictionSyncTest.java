package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ClearOptions;
import io.offlinestore.Document;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.OfflineStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eviction and clear are local: a document evicted or cleared after it was synchronized is
 * never pushed as a deletion, other clients keep it, and one not yet pushed is never evicted.
 */
class EvictionSyncTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"memory", "mapdb"})
    void evictedAndClearedDocumentsAreNeverPushedAsDeletions(String backend) throws Exception {
        try (SyncFixture f = new SyncFixture(backend, dir)) {
            OfflineStore a = f.store("a");
            OfflineStore b = f.store("b");
            SyncEngine ea = f.engine(a, f.options("users", "logs").build());
            SyncEngine eb = f.engine(b, f.options("users", "logs").build());
            for (int i = 0; i < 5; i++) {
                a.collection("users").create(Document.parse("{\"id\":\"u" + i + "\"}"));
                a.collection("logs").create(Document.parse("{\"id\":\"l" + i + "\"}"));
            }
            assertEquals(10, ea.synchronize().pushed());
            a.collection("users").create(Document.parse("{\"id\":\"unpushed\"}"));

            a.setEvictionPolicy("users", EvictionPolicy.maxDocuments(1));
            a.evict();
            a.clear("logs");
            assertTrue(a.collection("users").get("unpushed").isPresent(), "a document not yet pushed is never evicted");
            assertEquals(1, a.collection("users").count());

            SyncResult afterEviction = ea.synchronize();
            assertEquals(1, afterEviction.pushed(), "only the new document travels: " + afterEviction);
            eb.synchronize();
            assertEquals(6, b.collection("users").count(), "the other client keeps what a evicted");
            assertEquals(5, b.collection("logs").count(), "the other client keeps what a cleared");

            b.collection("logs").patch("l1", Document.parse("{\"seen\":true}"));
            eb.synchronize();
            ea.synchronize();
            assertTrue(a.collection("logs").get("l1").isPresent(), "a later server change brings a cleared document back");
            a.clear(ClearOptions.discardPending(), "users");
            assertEquals(0, ea.synchronize().pushed());
            eb.synchronize();
            assertEquals(6, b.collection("users").count());
        }
    }
}
