package io.offlinestore.backend.derby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the contract suite does not reach: Derby compares bit strings with pad semantics, keys
 * are limited by Derby's B-tree, and scans are read in pages.
 */
class DerbyKeysTest {
    private static final byte[] PAD_HEAVY = {0x00, 0x01, 0x20, 0x7F, (byte) 0x80, (byte) 0xFF};

    @TempDir
    Path directory;

    private StorageBackend backend;

    @BeforeEach
    void open() {
        backend = new DerbyBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
        backend.createKeyspace("ks");
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void keysDifferingOnlyInTrailingPadBytesAreDifferentKeys() {
        List<byte[]> keys = List.of(bytes(), bytes(0x01), bytes(0x01, 0x20), bytes(0x01, 0x20, 0x20), bytes(0x20),
                bytes(0x20, 0x20));
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < keys.size(); i++) {
            batch.put("ks", keys.get(i), bytes(i));
        }
        backend.apply(batch);
        for (int i = 0; i < keys.size(); i++) {
            assertArrayEquals(bytes(i), backend.get("ks", keys.get(i)), hex(keys.get(i)));
        }
        assertEquals(hex(keys), hex(scanKeys(KeyRange.all(), false)));
        assertEquals(hex(List.of(bytes(0x01, 0x20), bytes(0x01, 0x20, 0x20))),
                hex(scanKeys(KeyRange.prefix(bytes(0x01, 0x20)), false)));
    }

    @Test
    void randomKeysAndRangesFollowUnsignedOrder() {
        Random random = new Random(11);
        Set<ByteBuffer> unique = new LinkedHashSet<>();
        while (unique.size() < 400) {
            unique.add(ByteBuffer.wrap(randomKey(random)));
        }
        List<byte[]> keys = new ArrayList<>();
        unique.forEach(key -> keys.add(key.array()));
        WriteBatch batch = new WriteBatch();
        keys.forEach(key -> batch.put("ks", key, key));
        backend.apply(batch);
        keys.sort(KeyRange::compare);

        for (int i = 0; i < 50; i++) {
            KeyRange range = KeyRange.of(random.nextInt(8) == 0 ? null : randomKey(random), random.nextBoolean(),
                    random.nextInt(8) == 0 ? null : randomKey(random), random.nextBoolean());
            List<byte[]> expected = keys.stream().filter(range::contains).toList();
            assertEquals(hex(expected), hex(scanKeys(range, false)), "forward " + range);
            List<byte[]> descending = new ArrayList<>(expected);
            Collections.reverse(descending);
            assertEquals(hex(descending), hex(scanKeys(range, true)), "reverse " + range);
        }
    }

    @Test
    void scansCrossingManyPagesMissAndRepeatNothing() {
        List<byte[]> keys = new ArrayList<>();
        WriteBatch batch = new WriteBatch();
        for (int i = 0; i < 3 * DerbyCursor.LARGEST_PAGE; i++) {
            byte[] key = ByteBuffer.allocate(4).putInt(i).array();
            keys.add(key);
            batch.put("ks", key, key);
        }
        backend.apply(batch);
        assertEquals(hex(keys), hex(scanKeys(KeyRange.all(), false)));
        List<byte[]> descending = new ArrayList<>(keys);
        Collections.reverse(descending);
        assertEquals(hex(descending), hex(scanKeys(KeyRange.all(), true)));

        int first = DerbyCursor.FIRST_PAGE;
        KeyRange pageEdges = KeyRange.of(keys.get(first - 1), false, keys.get(first * 3), true);
        assertEquals(hex(keys.subList(first, first * 3 + 1)), hex(scanKeys(pageEdges, false)));
    }

    @Test
    void keysUpToTheLimitAreStored() {
        Random random = new Random(5);
        WriteBatch batch = new WriteBatch();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] key = new byte[KeyEncoding.MAX_KEY_BYTES];
            random.nextBytes(key);
            keys.add(key);
            batch.put("ks", key, bytes(i));
        }
        backend.apply(batch);
        for (int i = 0; i < keys.size(); i++) {
            assertArrayEquals(bytes(i), backend.get("ks", keys.get(i)));
        }
        assertEquals(20, scanKeys(KeyRange.all(), true).size());
    }

    @Test
    void aLongerKeyFailsTheWholeBatchWithAClearMessage() {
        byte[] tooLong = new byte[KeyEncoding.MAX_KEY_BYTES + 1];
        WriteBatch batch = new WriteBatch().put("ks", bytes(1), bytes(1)).put("ks", tooLong, bytes(2));
        StorageException e = assertThrows(StorageException.class, () -> backend.apply(batch));
        assertTrue(e.getMessage().contains("limit of " + KeyEncoding.MAX_KEY_BYTES + " bytes"), e.getMessage());
        assertNull(backend.get("ks", bytes(1)), "nothing of the batch is applied");
        assertNull(backend.get("ks", tooLong), "a key that cannot be stored is absent");
    }

    @Test
    void rangeBoundsLongerThanAnyKeyStillBoundTheScan() {
        byte[] longest = new byte[KeyEncoding.MAX_KEY_BYTES];
        Arrays.fill(longest, (byte) 0x42);
        backend.apply(new WriteBatch().put("ks", longest, bytes(1)).put("ks", bytes(0x42), bytes(2)).put("ks", bytes(0x43), bytes(3)));
        byte[] beyond = Arrays.copyOf(longest, 40_000);
        assertEquals(hex(List.of(bytes(0x43))), hex(scanKeys(KeyRange.of(beyond, true, null, true), false)));
        assertEquals(hex(List.of(bytes(0x42), longest)), hex(scanKeys(KeyRange.of(null, true, beyond, false), false)));
    }

    private List<byte[]> scanKeys(KeyRange range, boolean reverse) {
        List<byte[]> keys = new ArrayList<>();
        try (KeyValueCursor cursor = backend.scan("ks", range, reverse)) {
            cursor.forEachRemaining(entry -> keys.add(entry.key()));
        }
        return keys;
    }

    private static byte[] randomKey(Random random) {
        byte[] key = new byte[random.nextInt(5)];
        for (int i = 0; i < key.length; i++) {
            key[i] = PAD_HEAVY[random.nextInt(PAD_HEAVY.length)];
        }
        return key;
    }

    private static List<String> hex(List<byte[]> keys) {
        return keys.stream().map(DerbyKeysTest::hex).toList();
    }

    private static String hex(byte[] key) {
        return "0x" + HexFormat.of().formatHex(key);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
