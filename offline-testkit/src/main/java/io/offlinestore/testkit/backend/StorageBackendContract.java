package io.offlinestore.testkit.backend;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite of the {@link StorageBackend} SPI. A backend's test class extends it and
 * implements {@link #openBackend(Path)}; JUnit then runs every check below against that backend:
 *
 * <pre>{@code
 * class MyBackendContractTest extends StorageBackendContract {
 *     @Override
 *     protected StorageBackend openBackend(Path directory) {
 *         return new MyBackendProvider().open(
 *                 new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets a fresh, empty directory. Checks of an optional {@link Capability} run only
 * when {@link StorageBackend#capabilities()} declares it and are reported as skipped otherwise.
 * The suite closes every backend it opened.
 */
public abstract class StorageBackendContract {

    private static final Duration BLOCKING_LIMIT = Duration.ofSeconds(10);
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path directory;

    private final List<StorageBackend> opened = new ArrayList<>();
    private StorageBackend backend;

    /**
     * Opens the backend under test, creating it when the directory is empty. Called with a new
     * empty directory before each test, and again with the same directory to check that a
     * {@link Capability#PERSISTENT} backend keeps its data.
     */
    protected abstract StorageBackend openBackend(Path directory);

    @BeforeEach
    void openFreshBackend() {
        backend = open();
    }

    @AfterEach
    void closeEveryBackend() {
        Collections.reverse(opened);
        opened.forEach(StorageBackend::close);
    }

    /** Keyspace creation, dropping, listing and naming. */
    @Nested
    class Keyspaces {

        @Test
        void freshBackendHasNoKeyspaces() {
            assertEquals(Set.of(), backend.keyspaces());
        }

        @Test
        void createdKeyspacesAreListed() {
            backend.createKeyspace("users");
            backend.createKeyspace("idx.users.email");
            assertEquals(Set.of("users", "idx.users.email"), backend.keyspaces());
        }

        @Test
        void creatingAnExistingKeyspaceKeepsItsEntries() {
            backend.createKeyspace("users");
            put("users", bytes(1), bytes(10));
            backend.createKeyspace("users");
            assertEquals(Set.of("users"), backend.keyspaces());
            assertArrayEquals(bytes(10), backend.get("users", bytes(1)));
        }

        @Test
        void droppingRemovesTheKeyspaceAndItsEntries() {
            backend.createKeyspace("users");
            put("users", bytes(1), bytes(10));
            backend.dropKeyspace("users");
            assertEquals(Set.of(), backend.keyspaces());
            assertThrows(StorageException.class, () -> backend.get("users", bytes(1)));

            backend.createKeyspace("users");
            assertNull(backend.get("users", bytes(1)), "a recreated keyspace starts empty");
            assertScan("users", KeyRange.all());
        }

        @Test
        void droppingLeavesOtherKeyspacesAlone() {
            backend.createKeyspace("a");
            backend.createKeyspace("b");
            backend.apply(new WriteBatch().put("a", bytes(1), bytes(10)).put("b", bytes(1), bytes(20)));
            backend.dropKeyspace("a");
            assertEquals(Set.of("b"), backend.keyspaces());
            assertArrayEquals(bytes(20), backend.get("b", bytes(1)));
        }

        @Test
        void droppingAMissingKeyspaceDoesNothing() {
            backend.createKeyspace("kept");
            assertDoesNotThrow(() -> backend.dropKeyspace("never-created"));
            backend.dropKeyspace("kept");
            assertDoesNotThrow(() -> backend.dropKeyspace("kept"), "dropping twice");
            assertEquals(Set.of(), backend.keyspaces());
        }

        @Test
        void keyspaceNamesAreValidated() {
            String longest = "k".repeat(200);
            backend.createKeyspace(longest);
            backend.createKeyspace("Az09_.-");
            assertEquals(Set.of(longest, "Az09_.-"), backend.keyspaces());

            for (String invalid : List.of("", "with space", "slash/name", "quote'", "é", "k".repeat(201))) {
                assertThrows(StorageException.class, () -> backend.createKeyspace(invalid), "name: " + invalid);
            }
            assertEquals(Set.of(longest, "Az09_.-"), backend.keyspaces());
        }

        @Test
        void readingAnUnknownKeyspaceFails() {
            assertThrows(StorageException.class, () -> backend.get("missing", bytes(1)), "get");
            assertThrows(StorageException.class, () -> backend.scan("missing", KeyRange.all(), false).close(), "scan");
            assertThrows(StorageException.class, () -> backend.scan("missing", KeyRange.all(), true).close(), "reverse scan");
        }
    }

    /** Single reads and the writes of {@link WriteBatch}es. */
    @Nested
    class ReadsAndWrites {

        @BeforeEach
        void createKeyspace() {
            backend.createKeyspace("ks");
        }

        @Test
        void getOfAnAbsentKeyIsNull() {
            put("ks", bytes(1), bytes(10));
            assertNull(backend.get("ks", bytes(2)));
            assertNull(backend.get("ks", bytes(1, 0)), "a longer key is another key");
        }

        @Test
        void putValueIsReadBack() {
            put("ks", utf8("key"), utf8("value"));
            assertArrayEquals(utf8("value"), backend.get("ks", utf8("key")));
        }

        @Test
        void putReplacesTheValue() {
            put("ks", utf8("key"), utf8("first"));
            put("ks", utf8("key"), utf8("second"));
            assertArrayEquals(utf8("second"), backend.get("ks", utf8("key")));
            assertScan("ks", KeyRange.all(), utf8("key"));
        }

        @Test
        void anInsertHintedFreshStillReplacesAValueThatIsThere() {
            put("ks", bytes(1), bytes(10));
            put("ks", bytes(3), bytes(30));
            backend.apply(new WriteBatch().insert("ks", bytes(1), bytes(11)).insert("ks", bytes(2), bytes(20))
                    .delete("ks", bytes(3)).insert("ks", bytes(3), bytes(31))
                    .insert("ks", bytes(4), bytes(40)).put("ks", bytes(4), bytes(41)));
            assertArrayEquals(bytes(11), backend.get("ks", bytes(1)), "a stored key");
            assertArrayEquals(bytes(20), backend.get("ks", bytes(2)), "a fresh key");
            assertArrayEquals(bytes(31), backend.get("ks", bytes(3)), "a key deleted earlier in the batch");
            assertArrayEquals(bytes(41), backend.get("ks", bytes(4)), "a key put again later in the batch");
            assertScan("ks", KeyRange.all(), bytes(1), bytes(2), bytes(3), bytes(4));
        }

        @Test
        void aLargeBatchOfInsertsWithOneStoredKeyIsAppliedWhole() {
            put("ks", utf8("key1500"), utf8("old"));
            WriteBatch batch = new WriteBatch().delete("ks", utf8("gone"));
            for (int key = 0; key < 2_500; key++) {
                batch.insert("ks", utf8("key" + key), utf8("value" + key));
            }
            backend.apply(batch);
            assertArrayEquals(utf8("value1500"), backend.get("ks", utf8("key1500")));
            assertEquals(2_500, scan("ks", KeyRange.all(), false).size());
        }

        @Test
        void deleteRemovesTheEntry() {
            put("ks", bytes(1), bytes(10));
            put("ks", bytes(2), bytes(20));
            backend.apply(new WriteBatch().delete("ks", bytes(1)));
            assertNull(backend.get("ks", bytes(1)));
            assertScan("ks", KeyRange.all(), bytes(2));
        }

        @Test
        void deletingAnAbsentKeyDoesNothing() {
            put("ks", bytes(1), bytes(10));
            assertDoesNotThrow(() -> backend.apply(new WriteBatch().delete("ks", bytes(2))));
            assertScan("ks", KeyRange.all(), bytes(1));
        }

        @Test
        void operationsOfABatchApplyInOrder() {
            put("ks", bytes(3), bytes(30));
            backend.apply(new WriteBatch()
                    .put("ks", bytes(1), bytes(10)).delete("ks", bytes(1))
                    .delete("ks", bytes(2)).put("ks", bytes(2), bytes(20))
                    .put("ks", bytes(3), bytes(31)).put("ks", bytes(3), bytes(32)));
            assertNull(backend.get("ks", bytes(1)), "put then delete leaves no entry");
            assertArrayEquals(bytes(20), backend.get("ks", bytes(2)), "delete then put leaves the put");
            assertArrayEquals(bytes(32), backend.get("ks", bytes(3)), "the last put wins");
        }

        @Test
        void anEmptyBatchChangesNothing() {
            put("ks", bytes(1), bytes(10));
            backend.apply(new WriteBatch());
            assertScan("ks", KeyRange.all(), bytes(1));
        }

        @Test
        void oneBatchWritesSeveralKeyspaces() {
            backend.createKeyspace("other");
            put("other", bytes(9), bytes(90));
            backend.apply(new WriteBatch().put("ks", bytes(1), bytes(10)).put("other", bytes(2), bytes(20))
                    .delete("other", bytes(9)));
            assertArrayEquals(bytes(10), backend.get("ks", bytes(1)));
            assertArrayEquals(bytes(20), backend.get("other", bytes(2)));
            assertNull(backend.get("other", bytes(9)));
        }

        @Test
        void theSameKeyInTwoKeyspacesIsTwoEntries() {
            backend.createKeyspace("other");
            backend.apply(new WriteBatch().put("ks", bytes(1), bytes(10)).put("other", bytes(1), bytes(20)));
            backend.apply(new WriteBatch().delete("other", bytes(1)));
            assertArrayEquals(bytes(10), backend.get("ks", bytes(1)));
            assertNull(backend.get("other", bytes(1)));
        }

        @Test
        void aBatchWritingAnUnknownKeyspaceAppliesNothing() {
            backend.createKeyspace("other");
            backend.apply(new WriteBatch().put("ks", bytes(1), bytes(10)).put("ks", bytes(2), bytes(20)));
            WriteBatch batch = new WriteBatch()
                    .put("ks", bytes(1), bytes(11))
                    .delete("ks", bytes(2))
                    .put("other", bytes(3), bytes(30))
                    .put("missing", bytes(4), bytes(40))
                    .put("ks", bytes(5), bytes(50));

            assertThrows(StorageException.class, () -> backend.apply(batch));
            assertAll(
                    () -> assertArrayEquals(bytes(10), backend.get("ks", bytes(1)), "overwrite before the failure"),
                    () -> assertArrayEquals(bytes(20), backend.get("ks", bytes(2)), "delete before the failure"),
                    () -> assertNull(backend.get("other", bytes(3)), "put in another keyspace before the failure"),
                    () -> assertNull(backend.get("ks", bytes(5)), "put after the failure"),
                    () -> assertEquals(Set.of("ks", "other"), backend.keyspaces(), "no keyspace created"));
        }

        @Test
        void aBatchNamingAnInvalidKeyspaceAppliesNothing() {
            WriteBatch batch = new WriteBatch().put("ks", bytes(1), bytes(10)).put("not valid!", bytes(2), bytes(20));
            assertThrows(StorageException.class, () -> backend.apply(batch));
            assertNull(backend.get("ks", bytes(1)));
        }
    }

    /** Unsigned lexicographic key order, empty and long keys. */
    @Nested
    class KeyOrder {

        private final List<byte[]> sorted = List.of(
                bytes(), bytes(0x00), bytes(0x00, 0x00), bytes(0x01), bytes(0x01, 0x20), bytes(0x01, 0x20, 0x20),
                bytes(0x01, 0xFF), bytes(0x20), bytes(0x20, 0x20), bytes(0x7F),
                bytes(0x7F, 0xFF), bytes(0x80), bytes(0x80, 0x00), bytes(0xFE), bytes(0xFF), bytes(0xFF, 0x00),
                bytes(0xFF, 0xFF));

        @BeforeEach
        void createKeyspace() {
            backend.createKeyspace("ks");
        }

        @Test
        void keysSortAsUnsignedBytesShorterPrefixFirst() {
            putAllShuffled(sorted);
            assertScan("ks", KeyRange.all(), sorted.toArray(byte[][]::new));
        }

        @Test
        void reverseScanIsTheExactReverse() {
            putAllShuffled(sorted);
            List<byte[]> descending = new ArrayList<>(sorted);
            Collections.reverse(descending);
            assertEquals(hex(descending), hex(keys(scan("ks", KeyRange.all(), true))));
        }

        @Test
        void theExpectedCountIsOnlyAHintTheWholeRangeIsRead() {
            putAllShuffled(sorted);
            List<byte[]> descending = new ArrayList<>(sorted);
            Collections.reverse(descending);
            for (int expected : new int[] {0, 1, 2, 5, sorted.size(), 100_000}) {
                for (boolean reverse : new boolean[] {false, true}) {
                    List<byte[]> found = new ArrayList<>();
                    try (KeyValueCursor cursor = backend.scan("ks", KeyRange.all(), reverse, expected)) {
                        cursor.forEachRemaining(entry -> found.add(entry.key()));
                    }
                    assertEquals(hex(reverse ? descending : sorted), hex(found), "expected " + expected + ", reverse " + reverse);
                }
            }
        }

        @Test
        void trailingSpaceBytesMakeDistinctKeys() {
            put("ks", bytes(0x01), utf8("one"));
            put("ks", bytes(0x01, 0x20), utf8("one and a space byte"));
            assertArrayEquals(utf8("one"), backend.get("ks", bytes(0x01)));
            assertArrayEquals(utf8("one and a space byte"), backend.get("ks", bytes(0x01, 0x20)));
            assertNull(backend.get("ks", bytes(0x01, 0x20, 0x20)), "SQL-style blank padding must not equate keys");
        }

        @Test
        void theEmptyKeyIsAnOrdinaryKey() {
            put("ks", bytes(), utf8("empty key"));
            put("ks", bytes(0x00), utf8("zero"));
            assertArrayEquals(utf8("empty key"), backend.get("ks", bytes()));
            assertScan("ks", KeyRange.all(), bytes(), bytes(0x00));
            backend.apply(new WriteBatch().delete("ks", bytes()));
            assertNull(backend.get("ks", bytes()));
            assertScan("ks", KeyRange.all(), bytes(0x00));
        }

        @Test
        void kilobyteKeysAreStoredAndOrdered() {
            byte[] low = kilobyteKey(0x01);
            byte[] middle = kilobyteKey(0x80);
            byte[] high = kilobyteKey(0xFF);
            byte[] longer = Arrays.copyOf(high, 2048);
            putAllShuffled(List.of(low, middle, high, longer));
            assertArrayEquals(utf8("v"), backend.get("ks", longer));
            assertScan("ks", KeyRange.all(), low, middle, high, longer);
            assertScan("ks", KeyRange.prefix(Arrays.copyOf(low, 1023)), low, middle, high, longer);
        }

        private byte[] kilobyteKey(int last) {
            byte[] key = new byte[1024];
            Arrays.fill(key, (byte) 0xAB);
            key[1023] = (byte) last;
            return key;
        }

        private void putAllShuffled(List<byte[]> keys) {
            List<byte[]> shuffled = new ArrayList<>(keys);
            Collections.shuffle(shuffled, new Random(42));
            WriteBatch batch = new WriteBatch();
            shuffled.forEach(key -> batch.put("ks", key, utf8("v")));
            backend.apply(batch);
        }
    }

    /** Range scans in both directions over the keys 0x10, 0x20, 0x30, 0x40, 0x50. */
    @Nested
    class Scans {

        @BeforeEach
        void fill() {
            backend.createKeyspace("ks");
            WriteBatch batch = new WriteBatch();
            for (int key = 0x10; key <= 0x50; key += 0x10) {
                batch.put("ks", bytes(key), bytes(key, key));
            }
            backend.apply(batch);
        }

        @Test
        void wholeKeyspace() {
            assertScanBothWays(KeyRange.all(), 0x10, 0x20, 0x30, 0x40, 0x50);
        }

        @Test
        void scannedValuesBelongToTheirKeys() {
            for (boolean reverse : new boolean[] {false, true}) {
                for (KeyValue entry : scan("ks", KeyRange.all(), reverse)) {
                    assertArrayEquals(bytes(entry.key()[0], entry.key()[0]), entry.value(), entry.toString());
                }
            }
        }

        @Test
        void inclusiveBounds() {
            assertScanBothWays(KeyRange.of(bytes(0x20), true, bytes(0x40), true), 0x20, 0x30, 0x40);
        }

        @Test
        void exclusiveBounds() {
            assertScanBothWays(KeyRange.of(bytes(0x20), false, bytes(0x40), false), 0x30);
        }

        @Test
        void mixedBounds() {
            assertScanBothWays(KeyRange.halfOpen(bytes(0x20), bytes(0x40)), 0x20, 0x30);
            assertScanBothWays(KeyRange.of(bytes(0x20), false, bytes(0x40), true), 0x30, 0x40);
        }

        @Test
        void openStart() {
            assertScanBothWays(KeyRange.of(null, true, bytes(0x30), true), 0x10, 0x20, 0x30);
            assertScanBothWays(KeyRange.of(null, false, bytes(0x30), false), 0x10, 0x20);
        }

        @Test
        void openEnd() {
            assertScanBothWays(KeyRange.of(bytes(0x30), true, null, true), 0x30, 0x40, 0x50);
            assertScanBothWays(KeyRange.of(bytes(0x30), false, null, false), 0x40, 0x50);
        }

        @Test
        void boundsBetweenKeys() {
            assertScanBothWays(KeyRange.of(bytes(0x15), false, bytes(0x45), false), 0x20, 0x30, 0x40);
            assertScanBothWays(KeyRange.of(bytes(0x20, 0x00), true, bytes(0x40, 0x00), true), 0x30, 0x40);
        }

        @Test
        void singleKeyRange() {
            assertScanBothWays(KeyRange.of(bytes(0x30), true, bytes(0x30), true), 0x30);
        }

        @Test
        void emptyRanges() {
            assertScanBothWays(KeyRange.of(bytes(0x40), true, bytes(0x20), true));
            assertScanBothWays(KeyRange.halfOpen(bytes(0x30), bytes(0x30)));
            assertScanBothWays(KeyRange.of(bytes(0x30), false, bytes(0x30), true));
            assertScanBothWays(KeyRange.of(bytes(0x31), true, bytes(0x3F), true));
            assertScanBothWays(KeyRange.of(bytes(0x50), false, null, true));
            assertScanBothWays(KeyRange.of(null, true, bytes(0x10), false));
            assertScanBothWays(KeyRange.prefix(bytes(0x60)));
        }

        @Test
        void emptyKeyspace() {
            backend.createKeyspace("empty");
            assertScan("empty", KeyRange.all());
            assertEquals(List.of(), scan("empty", KeyRange.all(), true));
        }

        @Test
        void prefixRanges() {
            backend.createKeyspace("p");
            List<byte[]> keys = List.of(bytes(0x61), bytes(0x61, 0x62), bytes(0x61, 0x62, 0x00), bytes(0x61, 0x62, 0xFF),
                    bytes(0x61, 0x62, 0xFF, 0xFF), bytes(0x61, 0x63), bytes(0x61, 0xFF), bytes(0x61, 0xFF, 0x01),
                    bytes(0x62));
            WriteBatch batch = new WriteBatch();
            keys.forEach(key -> batch.put("p", key, bytes(1)));
            backend.apply(batch);

            assertScan("p", KeyRange.prefix(bytes(0x61, 0x62)),
                    bytes(0x61, 0x62), bytes(0x61, 0x62, 0x00), bytes(0x61, 0x62, 0xFF), bytes(0x61, 0x62, 0xFF, 0xFF));
            assertScan("p", KeyRange.prefix(bytes(0x61, 0xFF)), bytes(0x61, 0xFF), bytes(0x61, 0xFF, 0x01));
            assertScan("p", KeyRange.prefix(bytes(0x61)), keys.subList(0, 8).toArray(byte[][]::new));
            assertScan("p", KeyRange.prefix(bytes()), keys.toArray(byte[][]::new));
            assertEquals(hex(List.of(bytes(0x61, 0x62, 0xFF, 0xFF), bytes(0x61, 0x62, 0xFF))),
                    hex(keys(scan("p", KeyRange.prefix(bytes(0x61, 0x62, 0xFF)), true))));
        }

        @Test
        void prefixOfOnlyFfBytes() {
            backend.createKeyspace("p");
            WriteBatch batch = new WriteBatch();
            for (byte[] key : List.of(bytes(0xFE, 0xFF), bytes(0xFF), bytes(0xFF, 0x00), bytes(0xFF, 0xFF),
                    bytes(0xFF, 0xFF, 0x01), bytes(0xFF, 0xFF, 0xFF))) {
                batch.put("p", key, bytes(1));
            }
            backend.apply(batch);

            assertScan("p", KeyRange.prefix(bytes(0xFF, 0xFF)),
                    bytes(0xFF, 0xFF), bytes(0xFF, 0xFF, 0x01), bytes(0xFF, 0xFF, 0xFF));
            assertScan("p", KeyRange.prefix(bytes(0xFF)),
                    bytes(0xFF), bytes(0xFF, 0x00), bytes(0xFF, 0xFF), bytes(0xFF, 0xFF, 0x01), bytes(0xFF, 0xFF, 0xFF));
            assertEquals(hex(List.of(bytes(0xFF, 0xFF, 0xFF), bytes(0xFF, 0xFF, 0x01), bytes(0xFF, 0xFF))),
                    hex(keys(scan("p", KeyRange.prefix(bytes(0xFF, 0xFF)), true))));
        }

        @Test
        void aScanSeesOnlyItsKeyspace() {
            backend.createKeyspace("neighbour");
            backend.apply(new WriteBatch().put("neighbour", bytes(0x15), bytes(1)).put("neighbour", bytes(0x30), bytes(2))
                    .put("neighbour", bytes(0x60), bytes(3)));
            assertScanBothWays(KeyRange.all(), 0x10, 0x20, 0x30, 0x40, 0x50);
            assertScan("neighbour", KeyRange.all(), bytes(0x15), bytes(0x30), bytes(0x60));
            assertArrayEquals(bytes(0x30, 0x30), backend.get("ks", bytes(0x30)));
        }

        private void assertScanBothWays(KeyRange range, int... ascendingKeys) {
            List<String> ascending = Arrays.stream(ascendingKeys).mapToObj(key -> hex(bytes(key))).collect(Collectors.toList());
            assertEquals(ascending, hex(keys(scan("ks", range, false))), "forward scan of " + range);
            Collections.reverse(ascending);
            assertEquals(ascending, hex(keys(scan("ks", range, true))), "reverse scan of " + range);
        }
    }

    /** {@link StorageBackend#getAll}: many keys in one call, answered as a get per key would be. */
    @Nested
    class MultiGet {

        @BeforeEach
        void createKeyspace() {
            backend.createKeyspace("ks");
            backend.createKeyspace("other");
        }

        @Test
        void valuesComeInTheOrderOfTheKeysWithNullForAbsentOnes() {
            backend.apply(new WriteBatch().put("ks", bytes(1), bytes(10)).put("ks", bytes(3), bytes(30))
                    .put("ks", bytes(2), bytes()).put("other", bytes(4), bytes(40)));
            List<byte[]> values = backend.getAll("ks", List.of(bytes(3), bytes(4), bytes(1), bytes(1, 0), bytes(2), bytes(3)));
            assertEquals(6, values.size());
            assertArrayEquals(bytes(30), values.get(0));
            assertNull(values.get(1), "a key stored only in another keyspace");
            assertArrayEquals(bytes(10), values.get(2));
            assertNull(values.get(3), "a longer key is another key");
            assertArrayEquals(bytes(), values.get(4), "an empty value is a value");
            assertArrayEquals(bytes(30), values.get(5), "a key asked twice is answered twice");
            assertEquals(List.of(), backend.getAll("ks", List.of()));
        }

        @Test
        void manyKeysAgreeWithAGetPerKey() {
            WriteBatch batch = new WriteBatch();
            List<byte[]> keys = new ArrayList<>();
            for (int key = 0; key < 2_500; key++) {
                if (key % 3 != 0) {
                    batch.put("ks", utf8("key" + key), utf8("value" + key));
                }
                keys.add(utf8("key" + key));
            }
            backend.apply(batch);
            Collections.shuffle(keys, new Random(11));
            keys.add(new byte[40_000]);
            List<byte[]> values = backend.getAll("ks", keys);
            assertEquals(keys.size(), values.size());
            for (int i = 0; i < keys.size(); i++) {
                assertArrayEquals(backend.get("ks", keys.get(i)), values.get(i), "key " + HEX.formatHex(keys.get(i)));
            }
        }

        @Test
        void changingAReturnedValueChangesNothing() {
            put("ks", bytes(1), bytes(10, 11));
            backend.getAll("ks", List.of(bytes(1))).get(0)[0] = 99;
            assertArrayEquals(bytes(10, 11), backend.get("ks", bytes(1)));
        }

        @Test
        void anUnknownKeyspaceOrAClosedBackendFails() {
            assertThrows(StorageException.class, () -> backend.getAll("missing", List.of(bytes(1))));
            backend.close();
            assertThrows(StorageException.class, () -> backend.getAll("ks", List.of(bytes(1))));
        }
    }

    /** Empty, large and arbitrary values. */
    @Nested
    class Values {

        @BeforeEach
        void createKeyspace() {
            backend.createKeyspace("ks");
        }

        @Test
        void anEmptyValueIsStoredNotAbsent() {
            put("ks", bytes(1), bytes());
            byte[] value = backend.get("ks", bytes(1));
            assertNotNull(value, "an empty value is a value");
            assertEquals(0, value.length);
            assertEquals(List.of(new KeyValue(bytes(1), bytes())), scan("ks", KeyRange.all(), false));
        }

        @Test
        void aOneMegabyteValueRoundTrips() {
            byte[] large = new byte[1024 * 1024];
            new Random(7).nextBytes(large);
            put("ks", bytes(1), large);
            put("ks", bytes(2), bytes(2));
            assertArrayEquals(large, backend.get("ks", bytes(1)));
            assertEquals(List.of(new KeyValue(bytes(1), large), new KeyValue(bytes(2), bytes(2))),
                    scan("ks", KeyRange.all(), false));
        }

        @Test
        void everyByteValueRoundTrips() {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            put("ks", all, all);
            assertArrayEquals(all, backend.get("ks", all));
        }
    }

    /** Arrays crossing the SPI are never shared between the caller and the backend. */
    @Nested
    class Copies {

        @BeforeEach
        void createKeyspace() {
            backend.createKeyspace("ks");
        }

        @Test
        void changingAValueReturnedByGetChangesNothing() {
            put("ks", bytes(1), bytes(10, 11));
            backend.get("ks", bytes(1))[0] = 99;
            assertArrayEquals(bytes(10, 11), backend.get("ks", bytes(1)));
        }

        @Test
        void changingAScannedEntryChangesNothing() {
            put("ks", bytes(1), bytes(10, 11));
            KeyValue entry = scan("ks", KeyRange.all(), false).get(0);
            entry.key()[0] = 2;
            entry.value()[0] = 99;
            assertArrayEquals(bytes(10, 11), backend.get("ks", bytes(1)));
            assertNull(backend.get("ks", bytes(2)));
            assertEquals(List.of(new KeyValue(bytes(1), bytes(10, 11))), scan("ks", KeyRange.all(), false));
        }

        @Test
        void changingTheArraysOfAnAppliedBatchChangesNothing() {
            WriteBatch batch = new WriteBatch().put("ks", bytes(1), bytes(10, 11));
            backend.apply(batch);
            WriteBatch.Put put = (WriteBatch.Put) batch.operations().get(0);
            put.key()[0] = 2;
            put.value()[0] = 99;
            assertArrayEquals(bytes(10, 11), backend.get("ks", bytes(1)));
            assertEquals(List.of(new KeyValue(bytes(1), bytes(10, 11))), scan("ks", KeyRange.all(), false));
        }
    }

    /** Cursor life cycle: early and repeated close, exhaustion, writes while a cursor is open. */
    @Nested
    class Cursors {

        @BeforeEach
        void fill() {
            backend.createKeyspace("ks");
            WriteBatch batch = new WriteBatch();
            for (int key = 1; key <= 10; key++) {
                batch.put("ks", bytes(key), bytes(key));
            }
            backend.apply(batch);
        }

        @Test
        void aCursorClosedEarlyReleasesWhatItHeld() {
            for (boolean reverse : new boolean[] {false, true}) {
                KeyValueCursor cursor = backend.scan("ks", KeyRange.all(), reverse);
                cursor.next();
                cursor.close();
                assertDoesNotThrow(cursor::close, "closing twice");
            }
            applyWithoutBlocking(new WriteBatch().put("ks", bytes(11), bytes(11)));
            assertArrayEquals(bytes(11), backend.get("ks", bytes(11)));
        }

        @Test
        void aCursorReadToItsEndNeedsNoClose() {
            KeyValueCursor cursor = backend.scan("ks", KeyRange.all(), false);
            cursor.forEachRemaining(entry -> { });
            applyWithoutBlocking(new WriteBatch().delete("ks", bytes(1)));
            assertNull(backend.get("ks", bytes(1)));
            cursor.close();
        }

        @Test
        void nextPastTheEndFails() {
            try (KeyValueCursor cursor = backend.scan("ks", KeyRange.of(bytes(10), true, null, true), false)) {
                assertTrue(cursor.hasNext());
                assertEquals(new KeyValue(bytes(10), bytes(10)), cursor.next());
                assertFalse(cursor.hasNext());
                assertThrows(NoSuchElementException.class, cursor::next);
            }
        }

        @Test
        void writesWhileACursorIsOpenNeitherBlockNorBreakIt() {
            for (boolean reverse : new boolean[] {false, true}) {
                List<byte[]> seen = new ArrayList<>();
                try (KeyValueCursor cursor = backend.scan("ks", KeyRange.of(bytes(1), true, bytes(10), true), reverse)) {
                    for (int i = 0; i < 3; i++) {
                        seen.add(cursor.next().key());
                    }
                    applyWithoutBlocking(new WriteBatch().put("ks", bytes(0x20), bytes(0)).put("ks", bytes(5, 5), bytes(0)));
                    cursor.forEachRemaining(entry -> seen.add(entry.key()));
                }
                List<String> keys = hex(seen);
                for (int key = 1; key <= 10; key++) {
                    assertTrue(keys.contains(hex(bytes(key))), "untouched key " + key + " missing from " + keys);
                }
                assertFalse(keys.contains(hex(bytes(0x20))), "key outside the range in " + keys);
                assertStrictlyOrdered(seen, reverse);
                backend.apply(new WriteBatch().delete("ks", bytes(0x20)).delete("ks", bytes(5, 5)));
            }
        }
    }

    /** Entry counts and sizes reported by {@link StorageBackend#stats()}. */
    @Nested
    class Stats {

        @Test
        void statsCountEntriesAndBytesOfEveryKeyspace() {
            backend.createKeyspace("three");
            backend.createKeyspace("one");
            backend.createKeyspace("empty");
            backend.apply(new WriteBatch().put("three", bytes(1), bytes(1)).put("three", bytes(2), bytes(2))
                    .put("three", bytes(3), bytes(3)).put("one", bytes(1), utf8("value")));

            BackendStats stats = backend.stats();
            assertEquals(Set.of("three", "one", "empty"), stats.keyspaces().keySet());
            assertEquals(3, stats.keyspaces().get("three").entries());
            assertEquals(1, stats.keyspaces().get("one").entries());
            assertEquals(0, stats.keyspaces().get("empty").entries());
            assertTrue(stats.keyspaces().get("three").bytes() > 0, "bytes of 'three'");
            assertTrue(stats.keyspaces().get("one").bytes() > 0, "bytes of 'one'");
        }

        @Test
        void statsFollowWrites() {
            backend.createKeyspace("ks");
            put("ks", bytes(1), bytes(1));
            BackendStats.KeyspaceStats before = backend.stats().keyspaces().get("ks");

            put("ks", bytes(2), new byte[64 * 1024]);
            BackendStats.KeyspaceStats grown = backend.stats().keyspaces().get("ks");
            assertEquals(before.entries() + 1, grown.entries());
            assertTrue(grown.bytes() > before.bytes(), "bytes grow from " + before.bytes() + " with a 64 KB value");

            backend.apply(new WriteBatch().delete("ks", bytes(1)).delete("ks", bytes(2)));
            assertEquals(0, backend.stats().keyspaces().get("ks").entries());
        }

        @Test
        void aDroppedKeyspaceLeavesTheStats() {
            backend.createKeyspace("gone");
            backend.createKeyspace("kept");
            put("gone", bytes(1), bytes(1));
            backend.dropKeyspace("gone");
            assertEquals(Set.of("kept"), backend.stats().keyspaces().keySet());
        }
    }

    /** {@link StorageBackend#compact()} and {@link StorageBackend#close()}. */
    @Nested
    class Lifecycle {

        @Test
        void compactionKeepsEveryEntry() {
            backend.createKeyspace("ks");
            WriteBatch writes = new WriteBatch();
            WriteBatch deletes = new WriteBatch();
            for (int key = 0; key < 200; key++) {
                writes.put("ks", bytes(key), new byte[key * 10]);
                if (key % 3 == 0) {
                    deletes.delete("ks", bytes(key));
                }
            }
            backend.apply(writes);
            backend.apply(deletes);
            List<KeyValue> before = scan("ks", KeyRange.all(), false);

            backend.compact();
            assertEquals(before, scan("ks", KeyRange.all(), false));
            assertEquals(133, before.size());
        }

        @Test
        void aClosedBackendRefusesEveryCall() {
            backend.createKeyspace("ks");
            backend.close();
            assertAll(
                    () -> assertThrows(StorageException.class, () -> backend.get("ks", bytes(1)), "get"),
                    () -> assertThrows(StorageException.class, () -> backend.scan("ks", KeyRange.all(), false).close(), "scan"),
                    () -> assertThrows(StorageException.class,
                            () -> backend.apply(new WriteBatch().put("ks", bytes(1), bytes(1))), "apply"),
                    () -> assertThrows(StorageException.class, () -> backend.createKeyspace("other"), "createKeyspace"),
                    () -> assertThrows(StorageException.class, () -> backend.dropKeyspace("ks"), "dropKeyspace"),
                    () -> assertThrows(StorageException.class, backend::keyspaces, "keyspaces"),
                    () -> assertThrows(StorageException.class, backend::stats, "stats"),
                    () -> assertThrows(StorageException.class, backend::compact, "compact"));
        }

        @Test
        void closingTwiceIsHarmless() {
            backend.close();
            assertDoesNotThrow(backend::close);
        }
    }

    /** Readers running while a writer applies batches. */
    @Nested
    class Concurrency {

        private static final int BATCHES = 1_000;

        @Test
        @Timeout(value = 2, unit = TimeUnit.MINUTES)
        void readersNeverSeePartOfABatch() throws Exception {
            for (String keyspace : List.of("left", "right", "filler")) {
                backend.createKeyspace(keyspace);
            }
            byte[] key = utf8("counter");
            backend.apply(counterBatch(key, 0));
            // Each batch sets left and right to n. Whatever order a backend writes them in, a reader
            // that reads one and then the other sees the second at least as high as the first
            // unless it saw a batch half applied.
            AtomicBoolean writing = new AtomicBoolean(true);
            CountDownLatch readersStarted = new CountDownLatch(2);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<String> leftFirst = pool.submit(() -> readPairs("left", "right", key, writing, readersStarted));
                Future<String> rightFirst = pool.submit(() -> readPairs("right", "left", key, writing, readersStarted));
                Future<?> writer = pool.submit(() -> {
                    readersStarted.await();
                    try {
                        for (int n = 1; n <= BATCHES; n++) {
                            backend.apply(counterBatch(key, n));
                        }
                    } finally {
                        writing.set(false);
                    }
                    return null;
                });
                writer.get();
                assertNull(leftFirst.get());
                assertNull(rightFirst.get());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(BATCHES, counter(backend.get("left", key)));
            assertEquals(BATCHES, counter(backend.get("right", key)));
        }

        @Test
        @Timeout(value = 2, unit = TimeUnit.MINUTES)
        void scansDuringWritesStayOrderedAndKeepUntouchedEntries() throws Exception {
            backend.createKeyspace("ks");
            WriteBatch stable = new WriteBatch();
            List<byte[]> stableKeys = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                stableKeys.add(bytes(2 * i));
                stable.put("ks", bytes(2 * i), bytes(2 * i));
            }
            backend.apply(stable);

            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> writer = pool.submit(() -> {
                    try {
                        for (int n = 0; n < BATCHES / 2; n++) {
                            WriteBatch batch = new WriteBatch();
                            for (int i = 0; i < 32; i++) {
                                if ((n + i) % 2 == 0) {
                                    batch.put("ks", bytes(2 * i + 1), bytes(n));
                                } else {
                                    batch.delete("ks", bytes(2 * i + 1));
                                }
                            }
                            backend.apply(batch);
                        }
                    } finally {
                        writing.set(false);
                    }
                });
                boolean reverse = false;
                do {
                    List<KeyValue> entries = scan("ks", KeyRange.all(), reverse);
                    assertStrictlyOrdered(keys(entries), reverse);
                    List<KeyValue> untouched = entries.stream().filter(e -> e.key()[0] % 2 == 0).collect(Collectors.toList());
                    List<KeyValue> expected = stableKeys.stream().map(k -> new KeyValue(k, k)).collect(Collectors.toList());
                    if (reverse) {
                        Collections.reverse(expected);
                    }
                    assertEquals(expected, untouched, "entries no batch touched");
                    reverse = !reverse;
                } while (writing.get());
                writer.get();
            } finally {
                pool.shutdownNow();
            }
        }

        private WriteBatch counterBatch(byte[] key, long n) {
            WriteBatch batch = new WriteBatch().put("left", key, counterBytes(n));
            for (int i = 0; i < 8; i++) {
                batch.put("filler", bytes(i), counterBytes(n));
            }
            return batch.put("right", key, counterBytes(n));
        }

        /** Reads {@code first} then {@code second} until the writer stops; describes the first torn read. */
        private String readPairs(String first, String second, byte[] key, AtomicBoolean writing, CountDownLatch started) {
            started.countDown();
            while (writing.get()) {
                long a = counter(backend.get(first, key));
                long b = counter(backend.get(second, key));
                if (b < a) {
                    return "read " + first + "=" + a + " and then " + second + "=" + b + ": batch " + a + " was seen half applied";
                }
            }
            return null;
        }

        private byte[] counterBytes(long n) {
            return ByteBuffer.allocate(Long.BYTES).putLong(n).array();
        }

        private long counter(byte[] value) {
            return ByteBuffer.wrap(value).getLong();
        }
    }

    /** Reopening at the same path, for {@link Capability#PERSISTENT} backends. */
    @Nested
    class Persistence {

        @BeforeEach
        void requirePersistence() {
            assumeCapability(Capability.PERSISTENT, "its data does not outlive close(), so reopening is not checked");
        }

        @Test
        void entriesAndKeyspacesSurviveReopening() {
            byte[] large = new byte[256 * 1024];
            new Random(3).nextBytes(large);
            backend.createKeyspace("docs");
            backend.createKeyspace("index");
            backend.createKeyspace("empty");
            backend.apply(new WriteBatch().put("docs", bytes(1), utf8("one")).put("docs", bytes(2), large)
                    .put("docs", bytes(), bytes()).put("index", bytes(0xFF, 0x01), bytes(1)).put("docs", bytes(3), bytes(3)));
            backend.apply(new WriteBatch().delete("docs", bytes(3)).put("docs", bytes(1), utf8("uno")));
            List<KeyValue> docs = scan("docs", KeyRange.all(), false);
            List<KeyValue> index = scan("index", KeyRange.all(), false);

            reopen();
            assertEquals(Set.of("docs", "index", "empty"), backend.keyspaces());
            assertEquals(docs, scan("docs", KeyRange.all(), false));
            assertEquals(index, scan("index", KeyRange.all(), false));
            assertEquals(List.of(), scan("empty", KeyRange.all(), false));
            assertNull(backend.get("docs", bytes(3)), "a deleted entry stays deleted");
            assertEquals(3, backend.stats().keyspaces().get("docs").entries());
        }

        @Test
        void aDroppedAndRecreatedKeyspaceSurvivesReopening() {
            backend.createKeyspace("ks");
            backend.createKeyspace("dropped");
            backend.apply(new WriteBatch().put("ks", bytes(1), bytes(1)).put("ks", bytes(2), bytes(2))
                    .put("dropped", bytes(1), bytes(1)));
            backend.dropKeyspace("ks");
            backend.dropKeyspace("dropped");
            backend.createKeyspace("ks");
            put("ks", bytes(3), bytes(3));

            reopen();
            assertEquals(Set.of("ks"), backend.keyspaces());
            assertEquals(List.of(new KeyValue(bytes(3), bytes(3))), scan("ks", KeyRange.all(), false));
        }

        @Test
        void writesAfterReopeningSurviveTheNextReopening() {
            backend.createKeyspace("ks");
            put("ks", bytes(1), bytes(1));
            reopen();
            backend.apply(new WriteBatch().put("ks", bytes(2), bytes(2)).delete("ks", bytes(1)));
            reopen();
            assertEquals(List.of(new KeyValue(bytes(2), bytes(2))), scan("ks", KeyRange.all(), false));
        }

        private void reopen() {
            backend.close();
            backend = open();
        }
    }

    /** Cursors that keep seeing the keyspace as it was, for {@link Capability#SNAPSHOT_CURSORS} backends. */
    @Nested
    class SnapshotCursors {

        private final List<KeyValue> original = List.of(
                new KeyValue(bytes(1), utf8("old")), new KeyValue(bytes(2), utf8("old")), new KeyValue(bytes(3), utf8("old")));

        @BeforeEach
        void requireSnapshotCursorsAndFill() {
            assumeCapability(Capability.SNAPSHOT_CURSORS, "its cursors may see writes made after they opened");
            backend.createKeyspace("ks");
            WriteBatch batch = new WriteBatch();
            original.forEach(entry -> batch.put("ks", entry.key(), entry.value()));
            backend.apply(batch);
        }

        @Test
        void aCursorDoesNotSeeWritesMadeAfterItOpened() {
            for (boolean reverse : new boolean[] {false, true}) {
                List<KeyValue> seen = new ArrayList<>();
                try (KeyValueCursor cursor = backend.scan("ks", KeyRange.all(), reverse)) {
                    applyWithoutBlocking(changes());
                    cursor.forEachRemaining(seen::add);
                }
                assertEquals(inOrder(original, reverse), seen, reverse ? "reverse cursor" : "forward cursor");
                assertEquals(List.of(new KeyValue(bytes(0), utf8("new")), new KeyValue(bytes(2), utf8("new")),
                        new KeyValue(bytes(4), utf8("new"))), scan("ks", KeyRange.all(), false), "a new scan sees the writes");
                backend.apply(undo());
            }
        }

        @Test
        void aPartlyReadCursorKeepsItsSnapshot() {
            for (boolean reverse : new boolean[] {false, true}) {
                List<KeyValue> seen = new ArrayList<>();
                try (KeyValueCursor cursor = backend.scan("ks", KeyRange.all(), reverse)) {
                    seen.add(cursor.next());
                    applyWithoutBlocking(changes());
                    cursor.forEachRemaining(seen::add);
                }
                assertEquals(inOrder(original, reverse), seen, reverse ? "reverse cursor" : "forward cursor");
                backend.apply(undo());
            }
        }

        private WriteBatch changes() {
            return new WriteBatch().put("ks", bytes(0), utf8("new")).delete("ks", bytes(1)).put("ks", bytes(2), utf8("new"))
                    .delete("ks", bytes(3)).put("ks", bytes(4), utf8("new"));
        }

        private WriteBatch undo() {
            WriteBatch batch = new WriteBatch().delete("ks", bytes(0)).delete("ks", bytes(4));
            original.forEach(entry -> batch.put("ks", entry.key(), entry.value()));
            return batch;
        }

        private List<KeyValue> inOrder(List<KeyValue> ascending, boolean reverse) {
            List<KeyValue> copy = new ArrayList<>(ascending);
            if (reverse) {
                Collections.reverse(copy);
            }
            return copy;
        }
    }

    private StorageBackend open() {
        StorageBackend opening = openBackend(directory);
        assertNotNull(opening, "openBackend returned null");
        opened.add(opening);
        return opening;
    }

    private void assumeCapability(Capability capability, String consequence) {
        assumeTrue(backend.capabilities().contains(capability),
                () -> "backend does not declare " + capability + ": " + consequence);
    }

    private void put(String keyspace, byte[] key, byte[] value) {
        backend.apply(new WriteBatch().put(keyspace, key, value));
    }

    /** Applies the batch on another thread, failing if it blocks (say, on a lock a cursor holds). */
    private void applyWithoutBlocking(WriteBatch batch) {
        Executable apply = () -> backend.apply(batch);
        assertTimeoutPreemptively(BLOCKING_LIMIT, apply, "apply blocked while a cursor existed");
    }

    private List<KeyValue> scan(String keyspace, KeyRange range, boolean reverse) {
        List<KeyValue> entries = new ArrayList<>();
        try (KeyValueCursor cursor = backend.scan(keyspace, range, reverse)) {
            cursor.forEachRemaining(entries::add);
        }
        return entries;
    }

    private void assertScan(String keyspace, KeyRange range, byte[]... ascendingKeys) {
        assertEquals(hex(Arrays.asList(ascendingKeys)), hex(keys(scan(keyspace, range, false))), "scan of " + range);
    }

    private static void assertStrictlyOrdered(List<byte[]> keys, boolean reverse) {
        for (int i = 1; i < keys.size(); i++) {
            int order = KeyRange.compare(keys.get(i - 1), keys.get(i));
            if (reverse ? order <= 0 : order >= 0) {
                fail("keys out of " + (reverse ? "descending" : "ascending") + " order: " + hex(keys));
            }
        }
    }

    private static List<byte[]> keys(List<KeyValue> entries) {
        return entries.stream().map(KeyValue::key).collect(Collectors.toList());
    }

    private static List<String> hex(List<byte[]> keys) {
        return keys.stream().map(StorageBackendContract::hex).collect(Collectors.toList());
    }

    private static String hex(byte[] key) {
        return "0x" + HEX.formatHex(key);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
