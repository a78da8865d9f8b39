package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offlinestore.Change;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.Subscription;
import io.offlinestore.schema.CollectionSchema;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The change-tracking guide's code, run as a test. */
class ChangesExample {

    @Test
    void changes() throws InterruptedException {
        // region options
        StoreOptions options = StoreOptions.builder().backend("memory")
                .changeRetention(Duration.ofDays(3))
                .collection(CollectionSchema.builder("cache").trackChanges(false).build())
                .build();
        // endregion options
        try (OfflineStore store = OfflineStore.open(options)) {
            BlockingQueue<Change> heard = new LinkedBlockingQueue<>();
            // region listen
            Subscription subscription = store.addChangeListener("users", change ->
                    heard.add(change)); // runs after commit, in commit order, on the store's notification thread
            // endregion listen

            store.collection("users").create(Document.parse("{\"id\": \"user1\", \"name\": \"Alice\"}"));
            store.collection("users").patch("user1", Document.parse("{\"role\": \"admin\"}"));
            store.collection("cache").put(Document.parse("{\"id\": \"k\", \"v\": 1}"));

            // region sync
            List<Change> changes = store.getChanges();        // unsynchronized, in commit order
            for (Change change : changes) {
                // send change.collection(), change.id(), change.operation() ... to the server
            }
            store.markSynchronized(changes);                   // no longer returned; pruned after the retention
            // endregion sync
            assertEquals(2, changes.size());
            assertEquals(Change.Operation.UPDATE, changes.get(1).operation());
            assertEquals(List.of(), store.getChanges());
            assertEquals("user1", heard.poll(5, TimeUnit.SECONDS).id());
            subscription.close();
        }
    }
}
