package io.offlinestore.cli;

import io.offlinestore.sync.Operation;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.QueueOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code offline queue list|stats|retry|cancel|clear-completed}: inspect and manage the operation
 * queue; {@code retry} and {@code cancel} are methods of this class.
 */
@Command(name = "queue", description = "Inspect and manage the offline operation queue kept in the store.",
        subcommands = {QueueListCommand.class, QueueStatsCommand.class, QueueClearCompletedCommand.class})
final class QueueCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--queue-collection", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The collection the queue is kept in (default: " + QueueOptions.DEFAULT_COLLECTION + ").")
    private String collection = QueueOptions.DEFAULT_COLLECTION;

    /** Without a subcommand there is nothing to do: the usage goes to standard error, a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("offline queue: missing command (list, stats, retry, cancel, clear-completed)");
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    /** {@code offline queue retry ID}: puts a failed, cancelled or expired operation back to pending. */
    @Command(name = "retry", description = "Put a failed, cancelled or expired operation back to pending, with fresh attempts.")
    int retry(@Parameters(paramLabel = "ID", description = "The operation's id.") String id) {
        return print(queue().retry(id));
    }

    /** {@code offline queue cancel ID}: cancels a pending or failed operation. */
    @Command(name = "cancel", description = "Cancel a pending or failed operation; it will not run.")
    int cancel(@Parameters(paramLabel = "ID", description = "The operation's id.") String id) {
        return print(queue().cancel(id));
    }

    private int print(Operation changed) {
        spec.commandLine().getOut().println(changed.describe());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The queue in the store the command works on. */
    OperationQueue queue() {
        return OperationQueue.open(root.store(), QueueOptions.builder().collection(collection).build());
    }
}
