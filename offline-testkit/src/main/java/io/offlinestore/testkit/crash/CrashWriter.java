package io.offlinestore.testkit.crash;

import io.offlinestore.OfflineStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of the crash test: opens the store, then writes batch after batch of the
 * {@link CrashWorkload} (each a transaction over two collections) until it is killed, printing
 * {@code committed N} only after batch N's commit has returned.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    /** Arguments: the crash contract's class name, store path. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (OfflineStore store = OfflineStore.open(CrashWorkload.options(
                CrashContract.instance(args[0]).configure(Path.of(args[1]))))) {
            long batch = CrashWorkload.lastBatch(store) + 1;
            out.println("ready " + batch);
            while (true) {
                CrashWorkload.write(store, batch);
                out.println("committed " + batch);
                batch++;
            }
        }
    }
}
