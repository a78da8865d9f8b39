package io.offlinestore.testkit.backend;

import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link ProcessLockContract}: opens the backend the way the test class
 * does, writes one entry, prints {@link #READY} and holds the backend open until killed.
 */
public final class LockHolder {
    static final String READY = "ready";
    static final String KEYSPACE = "held";
    static final byte[] KEY = {1};
    static final byte[] VALUE = {1, 2, 3};

    private LockHolder() {
    }

    /** Arguments: the contract's class name, the store directory. */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StorageBackend backend = ProcessLockContract.instance(args[0]).openBackend(Path.of(args[1]));
        backend.createKeyspace(KEYSPACE);
        backend.apply(new WriteBatch().put(KEYSPACE, KEY, VALUE));
        out.println(READY);
        while (System.in.read() >= 0) {
            // hold the backend open until killed
        }
    }
}
