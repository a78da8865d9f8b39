package io.offlinestore.backend.h2;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a child JVM by {@link H2LockTest}: opens the store at {@code args[0]}, writes
 * {@code held=yes} to keyspace {@code ks}, prints {@code ready} and keeps the store open until its
 * standard input ends or it is killed.
 */
public final class StoreHolder {
    private StoreHolder() {
    }

    public static void main(String[] args) throws IOException {
        StorageBackend backend = new H2BackendProvider().open(
                new BackendConfig(Path.of(args[0]), "test", Durability.SYNC, Map.of()));
        backend.createKeyspace("ks");
        backend.apply(new WriteBatch().put("ks", bytes("held"), bytes("yes")));
        System.out.println("ready");
        while (System.in.read() >= 0) {
            // hold the store until killed
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
