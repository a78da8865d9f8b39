package io.offlinestore.testkit.crash;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numbered batches the crash test writes and checks. With {@code w} concurrent writers,
 * writer {@code t} (from 0) writes batches {@code t + 1}, {@code t + 1 + w}, ... one after the
 * other. Batch {@code b} is one transaction over two indexed collections: it creates
 * {@link #DOCUMENTS_PER_BATCH} documents carrying {@code batch = b}, half in each collection,
 * and sets its writer's counter document's {@code last} to {@code b}. A batch is whole when
 * all its documents are there and its writer's counter names the writer's newest batch present,
 * and absent when none of them are.
 */
public final class CrashWorkload {
    /** Documents each batch creates. */
    public static final int DOCUMENTS_PER_BATCH = 8;
    static final List<String> COLLECTIONS = List.of("accounts", "events");

    private CrashWorkload() {
    }

    /** The options both the writer and the checker open the store with, over the backend's own. */
    public static StoreOptions options(StoreOptions.Builder backend) {
        return backend
                .collection(CollectionSchema.builder("accounts")
                        .index(IndexDefinition.of("batch"))
                        .index(IndexDefinition.unique("email"))
                        .index(IndexDefinition.of("tags"))
                        .build())
                .collection(CollectionSchema.builder("events")
                        .index(IndexDefinition.of("batch"))
                        .index(IndexDefinition.of("kind", "batch"))
                        .build())
                .build();
    }

    /** The id of the counter document writer {@code t} updates with each batch. */
    static String counter(int writer) {
        return "counter-" + writer;
    }

    /** The writer (from 0) of batch {@code b} among {@code writers}. */
    static int writerOf(long batch, int writers) {
        return (int) ((batch - 1) % writers);
    }

    /** The collection document {@code i} of a batch goes to. */
    static String collectionOf(int i) {
        return COLLECTIONS.get(i % COLLECTIONS.size());
    }

    /** Writes batch {@code b} of writer {@code t} in one transaction over both collections. */
    static void write(OfflineStore store, int writer, long batch) {
        store.inTransaction(tx -> {
            List<Document> documents = batch(batch);
            for (int i = 0; i < documents.size(); i++) {
                tx.collection(collectionOf(i)).create(documents.get(i));
            }
            tx.collection("events").put(Document.of(Map.of("id", counter(writer), "last", batch, "kind", "counter")));
        });
    }

    /** The documents of batch {@code b}, in order. */
    static List<Document> batch(long batch) {
        List<Document> documents = new ArrayList<>();
        String padding = "x".repeat(200 + (int) (batch % 50));
        for (int i = 0; i < DOCUMENTS_PER_BATCH; i++) {
            documents.add(Document.of(Map.of(
                    "id", "b" + batch + "-" + i,
                    "batch", batch,
                    "email", "user" + batch + "-" + i + "@example.com",
                    "kind", i % 2 == 0 ? "even" : "odd",
                    "tags", List.of("t" + (batch % 3), "t" + (i % 4)),
                    "padding", padding)));
        }
        return documents;
    }

    /** The last batch writer {@code t} stored, or 0 when it stored none. */
    static long lastBatch(OfflineStore store, int writer) {
        return store.collection("events").get(counter(writer)).map(d -> d.getLong("last")).orElse(0L);
    }
}
