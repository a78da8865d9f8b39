package io.offlinestore.cli;

import io.offlinestore.OfflineStore;
import io.offlinestore.migrations.MigrationProgress;
import java.io.PrintWriter;

/**
 * The {@link ProgressBar} of a running migration: one bar per step, sized by the documents of
 * the step's collection; drawn only on a terminal.
 */
final class MigrationProgressBar implements AutoCloseable {
    private final OfflineStore store;
    private final PrintWriter err;
    private ProgressBar bar;
    private String step;

    MigrationProgressBar(OfflineStore store, PrintWriter err) {
        this.store = store;
        this.err = err;
    }

    void update(MigrationProgress progress) {
        String current = progress.version() + "/" + progress.step();
        if (!current.equals(step)) {
            close();
            step = current;
            err.println("V" + progress.version() + " " + progress.description() + ", step " + progress.step() + " ("
                    + progress.collection() + ")");
            bar = new ProgressBar(err, store.collection(progress.collection()).count(), System.console() != null);
        }
        bar.update(progress.scanned(), progress.changed());
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
