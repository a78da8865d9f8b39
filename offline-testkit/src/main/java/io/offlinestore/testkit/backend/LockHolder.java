package io.offlinestore.testkit.backend;

import io.offlinestore.Durability;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link ProcessLockContract}: opens the backend named {@code args[0]} at
 * {@code args[1]}, writes {@code held=yes} to keyspace {@value #KEYSPACE}, prints {@code ready} and
 * keeps the store open until its standard input ends or it is killed.
 */
public final class LockHolder {
    static final String KEYSPACE = "ks";
    static final String DATABASE = "test";

    private LockHolder() {
    }

    /** Arguments: backend name, store path. */
    public static void main(String[] args) throws IOException {
        StorageBackend backend = NamedBackends.open(args[0], Path.of(args[1]), DATABASE, Durability.SYNC);
        backend.createKeyspace(KEYSPACE);
        backend.apply(new WriteBatch().put(KEYSPACE, bytes("held"), bytes("yes")));
        new PrintStream(System.out, true, StandardCharsets.UTF_8).println("ready");
        while (System.in.read() >= 0) {
            // hold the store until killed
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
