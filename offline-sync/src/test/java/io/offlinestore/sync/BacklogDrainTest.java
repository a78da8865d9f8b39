package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.server.InMemorySyncStorage;
import io.offlinestore.sync.server.SyncServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A long-offline device drains its backlog in batches no larger than the batch size, and a new
 * device pulls it in pages no larger than the page size. {@code -Dsync.backlog=100000} runs the
 * issue's full size.
 */
class BacklogDrainTest {
    private static final int BACKLOG = Integer.getInteger("sync.backlog", 5_000);
    private static final int BATCH = 100;
    private static final int PAGE = 250;

    @Test
    void aBacklogDrainsInBoundedBatchesAndPages() {
        SyncServer server = SyncServer.builder(new InMemorySyncStorage()).build();
        AtomicInteger largestPush = new AtomicInteger();
        AtomicInteger largestPage = new AtomicInteger();
        SyncTransport measured = SyncTransport.of(request -> {
            largestPush.accumulateAndGet(mutations(request), Math::max);
            return server.push(request);
        }, request -> {
            PullResponse page = server.pull(request);
            largestPage.accumulateAndGet(page.documents().size(), Math::max);
            return page;
        });
        SyncOptions options = SyncOptions.builder().transport(measured).collections("events")
                .batchSize(BATCH).pageSize(PAGE).build();
        try (OfflineStore offline = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             OfflineStore fresh = OfflineStore.open(StoreOptions.builder().backend("memory").build());
             SyncEngine engine = SyncEngine.create(offline, options);
             SyncEngine newcomer = SyncEngine.create(fresh, options)) {
            List<Document> chunk = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                chunk.add(Document.parse("{\"id\":\"e" + i + "\",\"n\":" + i + "}"));
                if (chunk.size() == 10) {      // ten per local transaction
                    offline.collection("events").createBatch(chunk);
                    chunk.clear();
                }
            }
            offline.collection("events").createBatch(chunk);
            assertEquals(BACKLOG, engine.status().pending());

            SyncResult drained = engine.synchronize();
            assertTrue(drained.ok(), drained.toString());
            assertEquals(BACKLOG, drained.pushed());
            assertEquals(0, engine.status().pending());
            assertTrue(largestPush.get() <= BATCH, "a push carried " + largestPush.get() + " mutations");

            assertEquals(BACKLOG, newcomer.synchronize().pulled());
            assertEquals(BACKLOG, fresh.collection("events").count());
            assertTrue(largestPage.get() <= PAGE, "a page carried " + largestPage.get() + " documents");
        }
    }

    private static int mutations(PushRequest request) {
        return request.batches().stream().mapToInt(batch -> batch.mutations().size()).sum();
    }
}
