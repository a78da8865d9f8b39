package io.offlinestore.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place on standard error, for long imports. When the
 * output is not a terminal it draws nothing, so logs and pipes stay clean.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long total;
    private final boolean visible;
    private boolean drawn;

    /**
     * @param err     where to draw
     * @param total   the amount of work (bytes of the input)
     * @param visible whether to draw at all (true on a terminal)
     */
    ProgressBar(PrintWriter err, long total, boolean visible) {
        this.err = err;
        this.total = total;
        this.visible = visible;
    }

    /** Redraws the bar: {@code done} of the total work, {@code documents} written so far. */
    void update(long done, long documents) {
        if (!visible) {
            return;
        }
        int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = percent * WIDTH / 100;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%  "
                + documents + " documents");
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, so whatever follows starts on a fresh one. */
    @Override
    public void close() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
