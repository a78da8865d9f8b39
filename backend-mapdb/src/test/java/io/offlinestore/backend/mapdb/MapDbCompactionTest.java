package io.offlinestore.backend.mapdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction rewrites the store into a smaller file and nothing else changes. */
class MapDbCompactionTest {
    @TempDir
    Path directory;

    private StorageBackend backend;

    @BeforeEach
    void open() {
        backend = new MapDbBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private void fill(String keyspace, int count) {
        backend.createKeyspace(keyspace);
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < count; i++) {
            batch.put(keyspace, key(i), new byte[1024]);
        }
        backend.apply(batch);
    }

    private static byte[] key(int i) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(i).array();
    }

    private List<KeyValue> scan(String keyspace) {
        List<KeyValue> entries = new ArrayList<>();
        try (KeyValueCursor cursor = backend.scan(keyspace, KeyRange.all(), false)) {
            cursor.forEachRemaining(entries::add);
        }
        return entries;
    }

    @Test
    void deletedEntriesAndDroppedKeyspacesNoLongerTakeSpace() throws IOException {
        fill("docs", 3_000);
        fill("gone", 3_000);
        WriteBatch deletes = new WriteBatch();
        for (int i = 0; i < 3_000; i += 10) {
            for (int j = i + 1; j < i + 10; j++) {
                deletes.delete("docs", key(j));
            }
        }
        backend.apply(deletes);
        backend.dropKeyspace("gone");
        List<KeyValue> live = scan("docs");
        BackendStats stats = backend.stats();
        long before = Files.size(directory.resolve("test.mapdb"));

        backend.compact();

        long after = Files.size(directory.resolve("test.mapdb"));
        assertTrue(after < before / 3, "the file went from " + before + " to " + after + " bytes");
        assertEquals(live, scan("docs"));
        assertEquals(stats, backend.stats());
        backend.close();
        open();
        assertEquals(Set.of("docs"), backend.keyspaces());
        assertEquals(live, scan("docs"));
    }

    @Test
    void aCursorOpenBeforeCompactionCarriesOnInTheNewFile() {
        fill("docs", 100);
        List<KeyValue> seen = new ArrayList<>();
        try (KeyValueCursor cursor = backend.scan("docs", KeyRange.all(), false)) {
            seen.add(cursor.next());
            backend.compact();
            backend.apply(new WriteBatch().put("docs", key(1_000), new byte[] {1}));
            cursor.forEachRemaining(seen::add);
        }
        assertEquals(101, seen.size());
        assertEquals(scan("docs"), seen);
    }

    @Test
    void keyspacesCreatedAfterCompactionStartEmpty() {
        fill("old", 10);
        backend.dropKeyspace("old");
        backend.compact();
        backend.createKeyspace("new");
        backend.createKeyspace("old");
        assertEquals(List.of(), scan("new"));
        assertNull(backend.get("old", key(1)));
        backend.apply(new WriteBatch().put("new", key(1), key(1)));
        backend.close();
        open();
        assertEquals(List.of(new KeyValue(key(1), key(1))), scan("new"));
        assertEquals(List.of(), scan("old"));
    }
}
