package io.offlinestore.backend.mapdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.crash.CrashTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process ({@link CrashingWriter}) at random moments, over and over on the same
 * store, and checks after each kill that every acknowledged batch is there, that no batch is there
 * in part, and that the counts agree with the entries. Cycles alternate sync and relaxed
 * durability (a killed process loses neither: relaxed commits are journaled before {@code apply}
 * returns) and memory-mapped and file-channel access; one in four kills lands before the first
 * batch, during start-up or recovery. {@value #CYCLES_PROPERTY} sets the number of cycles.
 */
@CrashTest
class MapDbCrashTest {
    private static final String CYCLES_PROPERTY = "offlinestore.crash.cycles";
    private static final int CYCLES = Integer.getInteger(CYCLES_PROPERTY, 12);
    private static final Duration FIRST_BATCH_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    @Test
    void killedWritersLeaveEveryAcknowledgedBatchAndNoPartOfAnyOther() {
        assertTimeoutPreemptively(Duration.ofSeconds(30L * CYCLES), () -> {
            Random random = new Random();
            long acknowledged = 0;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                Durability durability = cycle % 2 == 0 ? Durability.SYNC : Durability.RELAXED;
                String mmap = Boolean.toString(cycle / 2 % 2 == 0);
                List<String> lines = new ArrayList<>();
                try (ChildJvm writer = ChildJvm.start(CrashingWriter.class, directory.toString(), durability.name(), mmap)) {
                    if (random.nextInt(4) == 0) {
                        Thread.sleep(random.nextInt(1_000));
                    } else {
                        String first = writer.nextLine(FIRST_BATCH_LIMIT);
                        assertTrue(first != null, "cycle " + cycle + ": the writer acknowledged no batch");
                        lines.add(first);
                        Thread.sleep(random.nextInt(300));
                    }
                    lines.addAll(writer.killAndDrain());
                }
                for (String line : lines) {
                    acknowledged = Math.max(acknowledged, Long.parseLong(line));
                }
                acknowledged = Math.max(acknowledged, verify(cycle, acknowledged, mmap));
            }
        });
    }

    /** Checks the store after a kill; returns the number of the last batch in it. */
    private long verify(int cycle, long acknowledged, String mmap) {
        String at = "cycle " + cycle + ": ";
        try (StorageBackend backend = new MapDbBackendProvider().open(
                new BackendConfig(directory, "crash", Durability.SYNC, Map.of(MapDbSettings.MMAP, mmap)))) {
            if (!backend.keyspaces().containsAll(Set.of("left", "right", "docs"))) {
                assertEquals(0, acknowledged, at + "keyspaces missing after batches were acknowledged");
                return 0;
            }
            long left = CrashingWriter.counter(backend.get("left", CrashingWriter.COUNTER));
            long right = CrashingWriter.counter(backend.get("right", CrashingWriter.COUNTER));
            assertEquals(left, right, at + "the first and last writes of a batch disagree: a batch is there in part");
            assertTrue(left >= acknowledged, at + "batch " + acknowledged + " was acknowledged, only " + left + " survived");

            List<KeyValue> docs = scan(backend, false);
            List<Long> markers = new ArrayList<>();
            long bytes = 0;
            for (KeyValue entry : docs) {
                long key = CrashingWriter.counter(entry.key());
                if (key > CrashingWriter.MARKER_BASE) {
                    markers.add(key - CrashingWriter.MARKER_BASE);
                }
                bytes += entry.key().length + entry.value().length;
            }
            for (int i = 0; i < markers.size(); i++) {
                assertEquals(i + 1L, markers.get(i), at + "batch markers are not exactly 1.." + left);
            }
            assertEquals(left, markers.size(), at + "batch markers are not exactly 1.." + left);
            assertEquals(docs.size(), backend.stats().keyspaces().get("docs").entries(), at + "entry count");
            assertEquals(bytes, backend.stats().keyspaces().get("docs").bytes(), at + "byte count");
            List<KeyValue> reversed = scan(backend, true);
            Collections.reverse(reversed);
            assertEquals(docs, reversed, at + "reverse scan");
            return left;
        }
    }

    private static List<KeyValue> scan(StorageBackend backend, boolean reverse) {
        List<KeyValue> entries = new ArrayList<>();
        try (KeyValueCursor cursor = backend.scan("docs", KeyRange.all(), reverse)) {
            cursor.forEachRemaining(entries::add);
        }
        return entries;
    }
}
