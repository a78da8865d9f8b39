package io.offlinestore.cli;

import io.offlinestore.OfflineStore;
import picocli.CommandLine;

/**
 * Builds the {@code offline} command line: the root command with its subcommands, the mapping
 * of errors to exit codes, and the store's lifetime (a store the command line opens is closed
 * when the command ends). Set its output with {@link CommandLine#setOut} and {@link
 * CommandLine#setErr} after creating it, then call {@link CommandLine#execute}.
 */
public final class OfflineCli {
    private OfflineCli() {
    }

    /** A command line that opens the store its options describe ({@code --config}, {@code --backend}, {@code --path}). */
    public static CommandLine create() {
        return configure(new OfflineCommand(StoreSession.opening()));
    }

    /**
     * A command line whose commands run against {@code store}, which stays open and the
     * caller's: the store options are ignored. Lets several commands share one store in a
     * process, as tests do.
     */
    public static CommandLine create(OfflineStore store) {
        return configure(new OfflineCommand(StoreSession.lending(store)));
    }

    private static CommandLine configure(OfflineCommand root) {
        CommandLine cli = new CommandLine(root);
        // '@FILE' is put's document argument, not a picocli argument file.
        cli.setExpandAtFiles(false);
        ErrorHandler errors = new ErrorHandler(root);
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                root.closeStore();
            }
        });
        return cli;
    }
}
