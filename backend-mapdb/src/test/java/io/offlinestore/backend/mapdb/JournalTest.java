package io.offlinestore.backend.mapdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery replays whole journal records in order and nothing after the first bad one. */
class JournalTest {
    @TempDir
    Path directory;

    private Path store;
    private Path journalPath;

    @BeforeEach
    void createStoreFile() throws IOException {
        store = directory.resolve("s.mapdb");
        journalPath = StoreFiles.journalOf(store);
        Files.write(store, new byte[64]);
    }

    /** Appends one record per array, each writing its bytes at the offset of its first byte. */
    private long[] journal(byte[]... records) throws IOException {
        long[] ends = new long[records.length];
        try (Journal journal = Journal.open(journalPath)) {
            for (int i = 0; i < records.length; i++) {
                journal.append(List.of(new Journal.Span(records[i][0], records[i], 0, records[i].length)));
                ends[i] = journal.size();
            }
            journal.force();
        }
        return ends;
    }

    private byte[] storeBytes() throws IOException {
        return Arrays.copyOf(Files.readAllBytes(store), 16);
    }

    @Test
    void wholeRecordsAreReplayedInOrderAndTheJournalRemoved() throws IOException {
        journal(new byte[] {2, 20, 20}, new byte[] {3, 30}, new byte[] {9, 90});
        assertEquals(3, Journal.recover(journalPath, store));
        assertArrayEquals(new byte[] {0, 0, 2, 3, 30, 0, 0, 0, 0, 9, 90, 0, 0, 0, 0, 0}, storeBytes(),
                "the later record's byte 3 overwrites the earlier one's");
        assertFalse(Files.exists(journalPath));
    }

    @Test
    void aRecordCutShortIsIgnored() throws IOException {
        long[] ends = journal(new byte[] {2, 20}, new byte[] {5, 50, 50, 50});
        try (FileChannel channel = FileChannel.open(journalPath, StandardOpenOption.WRITE)) {
            channel.truncate(ends[1] - 1);
        }
        assertEquals(1, Journal.recover(journalPath, store));
        assertArrayEquals(new byte[] {0, 0, 2, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, storeBytes());
    }

    @Test
    void aDamagedRecordStopsTheReplay() throws IOException {
        long[] ends = journal(new byte[] {2, 20}, new byte[] {5, 50}, new byte[] {8, 80});
        byte[] journal = Files.readAllBytes(journalPath);
        journal[(int) ends[1] - 5] ^= 1; // the second record's last span byte
        Files.write(journalPath, journal);
        assertEquals(1, Journal.recover(journalPath, store));
        assertArrayEquals(new byte[] {0, 0, 2, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, storeBytes(),
                "neither the damaged record nor the whole one after it is replayed");
    }

    @Test
    void aRecordOutOfSequenceStopsTheReplay() throws IOException {
        long[] ends = journal(new byte[] {2, 20}, new byte[] {5, 50});
        byte[] twice = Files.readAllBytes(journalPath);
        byte[] first = Arrays.copyOf(twice, (int) ends[0]);
        byte[] stale = new byte[twice.length + first.length];
        System.arraycopy(twice, 0, stale, 0, twice.length);
        System.arraycopy(first, 0, stale, twice.length, first.length); // sequence 1 again after 2
        Files.write(journalPath, stale);
        assertEquals(2, Journal.recover(journalPath, store));
    }

    @Test
    void noJournalMeansNothingToDo() throws IOException {
        assertEquals(0, Journal.recover(journalPath, store));
        assertArrayEquals(new byte[16], storeBytes());
    }
}
