package io.offlinestore.cli;

import io.offlinestore.sync.OperationQueue;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline queue clear-completed [--older-than DURATION]}: deletes completed operations. */
@Command(name = "clear-completed", description = "Delete completed operations (all, or those completed longer ago than --older-than).")
final class QueueClearCompletedCommand implements Callable<Integer> {
    @ParentCommand
    private QueueCommand queue;

    @Spec
    private CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "DURATION",
            description = "Only those completed longer ago than this ISO-8601 duration, e.g. P7D or PT12H.")
    private Duration olderThan;

    @Override
    public Integer call() {
        OperationQueue operations = queue.queue();
        int cleared = olderThan == null ? operations.clearCompleted() : operations.clearCompleted(olderThan);
        spec.commandLine().getOut().println("cleared " + cleared + " completed operations");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
