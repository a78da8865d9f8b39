package io.offlinestore.cli;

import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs the offline command line in-process and captures its exit code, stdout and stderr. */
final class CliRunner {
    private CliRunner() {
    }

    /** What one command did. */
    record Result(int exitCode, String out, String err) {
        /** Standard output split into lines. */
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** A fresh, empty store on the real memory backend. */
    static OfflineStore memoryStore() {
        return OfflineStore.open(StoreOptions.builder().backend("memory").build());
    }

    /** Runs a command against a store the test owns; the store stays open. */
    static Result run(OfflineStore store, String... args) {
        return run(OfflineCli.create(store), args);
    }

    /** Runs a command that opens (and closes) the store its options describe. */
    static Result runOpening(String... args) {
        return run(OfflineCli.create(), args);
    }

    /** Runs a command on a command line the test built (and may run again). */
    static Result run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
