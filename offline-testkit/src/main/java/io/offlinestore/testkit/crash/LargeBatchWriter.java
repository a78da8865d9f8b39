package io.offlinestore.testkit.crash;

import io.offlinestore.Durability;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import io.offlinestore.testkit.backend.NamedBackends;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of the large-batch crash check: opens the backend named by {@code args[0]} at
 * {@code args[1]} and applies batch after batch, each one {@code apply} of {@link #ENTRIES} entries
 * and about {@value #BATCH_MEGABYTES} MB, until it is killed. Batch {@code n} rewrites every entry of
 * keyspace {@value #KEYSPACE} with a value that starts with {@code n}, and sets the counter to
 * {@code n}; a batch is whole when every entry and the counter carry the same number. It prints
 * {@code applying N} before each {@code apply} and {@code committed N} after it returns.
 */
public final class LargeBatchWriter {
    static final String KEYSPACE = "large";
    static final String DATABASE = "large";
    static final int BATCH_MEGABYTES = 30;
    static final int VALUE_BYTES = 500;
    static final int ENTRIES = BATCH_MEGABYTES * 1_000_000 / (VALUE_BYTES + Integer.BYTES);
    /** The counter's key: longer than the entries' 4-byte keys, so it sorts apart from none of them. */
    static final byte[] COUNTER = "counter".getBytes(StandardCharsets.UTF_8);

    private LargeBatchWriter() {
    }

    /** Arguments: backend name, store path. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (StorageBackend backend = open(args[0], Path.of(args[1]))) {
            backend.createKeyspace(KEYSPACE);
            long batch = number(backend.get(KEYSPACE, COUNTER)) + 1;
            while (true) {
                WriteBatch writes = new WriteBatch();
                for (int i = 0; i < ENTRIES; i++) {
                    writes.put(KEYSPACE, key(i), value(batch, i));
                }
                writes.put(KEYSPACE, COUNTER, ByteBuffer.allocate(Long.BYTES).putLong(batch).array());
                out.println("applying " + batch);
                backend.apply(writes);
                out.println("committed " + batch);
                batch++;
            }
        }
    }

    /** Opens the named backend with sync durability, as the checker does. */
    static StorageBackend open(String backend, Path path) {
        return NamedBackends.open(backend, path, DATABASE, Durability.SYNC);
    }

    static byte[] key(int i) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(i).array();
    }

    /** Entry {@code i}'s value in batch {@code n}: {@code n}, {@code i}, then filler that differs per entry. */
    static byte[] value(long batch, int i) {
        byte[] value = new byte[VALUE_BYTES];
        Arrays.fill(value, (byte) (i * 31 + batch));
        ByteBuffer.wrap(value).putLong(batch).putInt(i);
        return value;
    }

    /** The batch number at the head of a value or counter, 0 for none. */
    static long number(byte[] value) {
        return value == null ? 0 : ByteBuffer.wrap(value).getLong();
    }
}
