package io.offlinestore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline queue retry ID}: puts a failed, cancelled or expired operation back to pending. */
@Command(name = "retry", description = "Put a failed, cancelled or expired operation back to pending, with fresh attempts.")
final class QueueRetryCommand implements Callable<Integer> {
    @ParentCommand
    private QueueCommand queue;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The operation's id.")
    private String id;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(queue.queue().retry(id).describe());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
