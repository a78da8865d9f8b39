package io.offlinestore.testkit.crash;

import io.offlinestore.OfflineStore;
import io.offlinestore.ReencryptionProgress;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of the re-encryption crash test: opens the store and runs the re-encryption
 * pass, printing {@code resealed N} after each committed batch, until it is killed.
 */
public final class ReencryptionWriter {
    private ReencryptionWriter() {
    }

    /** Arguments: the crash contract's class name, store path. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (OfflineStore store = OfflineStore.open(ReencryptionWorkload.fromEnvironment(
                CrashContract.instance(args[0]).configure(Path.of(args[1]))))) {
            out.println("ready");
            ReencryptionProgress done = store.reencrypt(progress -> out.println("resealed " + progress.resealed()));
            out.println("done " + done.resealed());
        }
    }
}
