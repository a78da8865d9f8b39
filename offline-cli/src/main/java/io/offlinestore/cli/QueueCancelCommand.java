package io.offlinestore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline queue cancel ID}: cancels a pending or failed operation. */
@Command(name = "cancel", description = "Cancel a pending or failed operation; it will not run.")
final class QueueCancelCommand implements Callable<Integer> {
    @ParentCommand
    private QueueCommand queue;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The operation's id.")
    private String id;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(queue.queue().cancel(id).describe());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
