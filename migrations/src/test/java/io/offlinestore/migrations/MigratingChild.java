package io.offlinestore.migrations;

import io.offlinestore.OfflineStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link MigrationCrashTest}: opens the store without migrating, then runs
 * the increment migration as opening would, printing {@code batch N} after each committed batch,
 * until it finishes or is killed.
 */
public final class MigratingChild {
    private MigratingChild() {
    }

    /** Argument: the store's directory. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (OfflineStore store = OfflineStore.open(MigrationCrashTest.options(Path.of(args[0]))
                .toBuilder().migrateOnOpen(false).build())) {
            out.println("ready");
            MigrationRunner.of(store, List.of(MigrationCrashTest.MIGRATION))
                    .onProgress(progress -> out.println("batch " + progress.scanned()))
                    .migrate();
            out.println("done");
        }
    }
}
