package io.offlinestore.backend.mapdb;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Run in a child JVM by {@link MapDbCrashTest}: applies numbered batches to the store at
 * {@code args[0]} until killed, printing each batch's number once {@code apply} has returned.
 * Batch {@code n} sets {@code left} and {@code right} to {@code n}, adds marker {@code n} to
 * {@code docs}, and puts, replaces or deletes two hundred 1 KB documents there.
 * Arguments: directory, durability ({@code SYNC} or {@code RELAXED}), {@code mapdb.mmap} value.
 */
public final class CrashingWriter {
    static final byte[] COUNTER = {'c'};
    static final int MARKER_BASE = 1_000_000;

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        BackendConfig config = new BackendConfig(Path.of(args[0]), "crash", Durability.valueOf(args[1]),
                Map.of(MapDbSettings.MMAP, args[2]));
        StorageBackend backend = new MapDbBackendProvider().open(config);
        for (String keyspace : new String[] {"left", "right", "docs"}) {
            backend.createKeyspace(keyspace);
        }
        long n = counter(backend.get("left", COUNTER));
        Random random = new Random();
        while (true) {
            n++;
            WriteBatch batch = new WriteBatch().put("left", COUNTER, number(n));
            for (int i = 0; i < 200; i++) {
                byte[] key = number(random.nextInt(10_000));
                if (random.nextInt(4) == 0) {
                    batch.delete("docs", key);
                } else {
                    byte[] document = new byte[1024];
                    random.nextBytes(document);
                    batch.put("docs", key, document);
                }
            }
            batch.put("docs", number(MARKER_BASE + n), number(n)).put("right", COUNTER, number(n));
            backend.apply(batch);
            System.out.println(n);
        }
    }

    static byte[] number(long n) {
        return ByteBuffer.allocate(Long.BYTES).putLong(n).array();
    }

    static long counter(byte[] value) {
        return value == null ? 0 : ByteBuffer.wrap(value).getLong();
    }
}
