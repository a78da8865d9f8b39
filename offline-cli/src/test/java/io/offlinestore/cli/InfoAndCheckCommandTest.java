package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.schema.CachePolicy;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class InfoAndCheckCommandTest {

    @Test
    void infoTabulatesEachCollectionsDocumentsAndBytes() {
        try (OfflineStore store = CliRunner.memoryStore()) {
            store.collection("users").createBatch(List.of(Document.parse("{\"id\":1}"), Document.parse("{\"id\":2}")));
            store.collection("orders").create(Document.parse("{\"id\":\"o1\",\"total\":3}"));

            CliRunner.Result result = CliRunner.run(store, "info");

            assertEquals(ExitCodes.OK, result.exitCode(), result.err());
            List<String> lines = result.lines();
            assertEquals(List.of("collection", "documents", "document", "bytes", "index", "bytes"),
                    List.of(lines.get(0).split(" +")));
            assertTrue(lines.get(1).startsWith("----------"), lines.get(1));
            assertTrue(lines.get(2).matches("orders +1 +[1-9][0-9]* +0"), lines.get(2));
            assertTrue(lines.get(3).matches("users +2 +[1-9][0-9]* +0"), lines.get(3));
            assertTrue(lines.get(4).matches("total: [1-9][0-9]* bytes .*"), lines.get(4));
        }
    }

    @Test
    void infoShowsEachCollectionsCachePolicyAndFigures() {
        CollectionSchema logs = CollectionSchema.builder("logs").cache(CachePolicy.none()).build();
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("memory").cacheSize(1 << 20)
                .collection(logs).build())) {
            store.collection("users").create(Document.parse("{\"id\":1}"));
            store.collection("logs").create(Document.parse("{\"id\":1}"));
            store.collection("users").get(1);
            store.collection("users").get(1);
            store.collection("logs").get(1);

            List<String> lines = CliRunner.run(store, "info").lines();

            int cache = lines.indexOf("cache: 1048576 bytes shared by the collections without a cache of their own");
            assertTrue(cache > 0, String.join("\n", lines));
            assertEquals(List.of("collection", "cache", "policy", "hits", "misses", "hit", "rate", "evictions", "cached",
                    "bytes"), List.of(lines.get(cache + 1).split(" +")));
            assertTrue(lines.get(cache + 3).matches("logs +none +0 +1 +0\\.0% +0 +0"), lines.get(cache + 3));
            assertTrue(lines.get(cache + 4).matches("users +shared +1 +1 +50\\.0% +0 +[1-9][0-9]*"), lines.get(cache + 4));
        }
    }

    @Test
    void infoOnAnEmptyStoreSaysSo() {
        try (OfflineStore store = CliRunner.memoryStore()) {
            assertTrue(CliRunner.run(store, "info").out().startsWith("no collections\n"));
        }
    }

    @Test
    void checkOfASoundStoreExitsZero() {
        try (OfflineStore store = CliRunner.memoryStore()) {
            store.collection("users").createIndex(IndexDefinition.of("name"));
            store.collection("users").create(Document.parse("{\"id\":1,\"name\":\"Ann\"}"));

            CliRunner.Result result = CliRunner.run(store, "check");

            assertEquals(ExitCodes.OK, result.exitCode(), result.err());
            assertEquals("checked 1 documents and 1 index entries: healthy\n", result.out());
            assertEquals("", result.err());
        }
    }

    @Test
    void checkListsProblemsOnStderrAndExitsThree() {
        KeptBackendProvider provider = new KeptBackendProvider();
        CollectionSchema users = CollectionSchema.builder("users").index(IndexDefinition.of("name")).build();
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend(provider).collection(users).build())) {
            store.collection("users").create(Document.parse("{\"id\":1,\"name\":\"Ann\"}"));
            dropEveryIndexEntry(provider.backend);

            CliRunner.Result result = CliRunner.run(store, "check");

            assertEquals(ExitCodes.STORAGE, result.exitCode());
            assertTrue(result.out().startsWith("checked 1 documents and 0 index entries: "), result.out());
            assertFalse(result.out().contains("healthy"), result.out());
            assertEquals(1, result.err().lines().count(), "one problem, one line: " + result.err());
            assertTrue(result.err().startsWith("users.name: "), "names collection and index: " + result.err());
        }
    }

    private static void dropEveryIndexEntry(StorageBackend backend) {
        WriteBatch batch = new WriteBatch();
        for (String keyspace : backend.keyspaces()) {
            if (keyspace.startsWith("idx.")) {
                try (KeyValueCursor cursor = backend.scan(keyspace, KeyRange.all(), false)) {
                    cursor.forEachRemaining(entry -> batch.delete(keyspace, entry.key()));
                }
            }
        }
        backend.apply(batch);
    }

    /** The real memory backend, opened under another name so the test can reach past the engine. */
    private static final class KeptBackendProvider implements StorageBackendProvider {
        private final StorageBackendProvider memory = ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals("memory"))
                .findFirst()
                .orElseThrow();
        private StorageBackend backend;

        @Override
        public String name() {
            return "kept-memory";
        }

        @Override
        public StorageBackend open(BackendConfig config) {
            backend = memory.open(config);
            return backend;
        }
    }
}
