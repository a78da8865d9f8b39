package io.offlinestore.backend.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction shrinks the file and changes nothing else, puts MVStore's retention time back, and
 * never takes pages from under an open cursor. The page cache is off, so every page that is not the
 * one being written is read back from the file.
 */
class H2CompactionTest {
    private static final int COUNT = 3_000;

    @TempDir
    Path directory;

    private H2Backend backend;

    @BeforeEach
    void open() {
        backend = (H2Backend) new H2BackendProvider().open(
                new BackendConfig(directory, "test", Durability.SYNC, Map.of(H2Settings.CACHE_SIZE, "0")));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private void fill(String keyspace, byte filler) {
        backend.createKeyspace(keyspace);
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < COUNT; i++) {
            batch.put(keyspace, key(i), value(filler));
        }
        backend.apply(batch);
    }

    private static byte[] key(int i) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(i).array();
    }

    private static byte[] value(byte filler) {
        byte[] value = new byte[1024];
        Arrays.fill(value, filler);
        return value;
    }

    private List<KeyValue> scan(String keyspace) {
        List<KeyValue> entries = new ArrayList<>();
        try (KeyValueCursor cursor = backend.scan(keyspace, KeyRange.all(), false)) {
            cursor.forEachRemaining(entries::add);
        }
        return entries;
    }

    private long fileSize() throws IOException {
        return Files.size(directory.resolve("test.mv.db"));
    }

    @Test
    void deletedEntriesAndDroppedKeyspacesNoLongerTakeSpaceAndNothingElseChanges() throws IOException {
        fill("docs", (byte) 1);
        fill("gone", (byte) 2);
        WriteBatch deletes = new WriteBatch();
        for (int i = 0; i < COUNT; i++) {
            if (i % 10 != 0) {
                deletes.delete("docs", key(i));
            }
        }
        backend.apply(deletes);
        backend.dropKeyspace("gone");
        List<KeyValue> live = scan("docs");
        BackendStats stats = backend.stats();
        int retention = backend.retentionTime();
        long before = fileSize();

        backend.compact();

        assertTrue(fileSize() < before / 2, "the file went from " + before + " to " + fileSize() + " bytes");
        assertEquals(live, scan("docs"));
        assertEquals(stats, backend.stats());
        assertEquals(Set.of("docs"), backend.keyspaces());
        assertEquals(retention, backend.retentionTime(), "compactFile leaves the retention time at 0; it is put back");
        assertTrue(retention > 0, "MVStore keeps recent chunks for a while by default");
    }

    @Test
    void anOpenCursorKeepsItsPagesThroughOverwritesDropsAndCompaction() {
        fill("docs", (byte) 1);
        try (KeyValueCursor cursor = backend.scan("docs", KeyRange.all(), false)) {
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(key(i), cursor.next().key());
            }
            for (byte round = 2; round < 6; round++) {
                backend.dropKeyspace("docs");
                fill("docs", round);
                backend.compact();
            }
            int read = 10;
            while (cursor.hasNext()) {
                KeyValue entry = cursor.next();
                assertArrayEquals(key(read), entry.key());
                assertArrayEquals(value((byte) 1), entry.value(), "entry " + read + " is not the one the cursor began on");
                read++;
            }
            assertEquals(COUNT, read);
        }
        assertArrayEquals(value((byte) 5), backend.get("docs", key(7)));
        assertNull(backend.get("docs", key(COUNT)));
    }
}
