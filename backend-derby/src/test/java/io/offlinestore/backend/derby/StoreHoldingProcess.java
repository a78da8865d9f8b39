package io.offlinestore.backend.derby;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child process of {@link DerbyLockTest}: opens the derby store at the path given, applies
 * one batch, prints {@value #READY} once the batch is committed, and then keeps the store open
 * until it is killed, or for at most {@value #HOLD_SECONDS} seconds so that it never outlives a
 * test that lost track of it.
 */
final class StoreHoldingProcess {
    static final String READY = "ready";
    static final String KEYSPACE = "held";
    static final byte[] KEY = "acknowledged".getBytes(StandardCharsets.UTF_8);
    static final byte[] VALUE = "written by the child".getBytes(StandardCharsets.UTF_8);
    static final int HOLD_SECONDS = 120;

    private StoreHoldingProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        StorageBackend backend = new DerbyBackendProvider().open(
                new BackendConfig(Path.of(args[0]), "test", Durability.SYNC, Map.of()));
        backend.createKeyspace(KEYSPACE);
        backend.apply(new WriteBatch().put(KEYSPACE, KEY, VALUE));
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(HOLD_SECONDS * 1000L);
        System.exit(1); // never closed: the test kills this process long before
    }
}
