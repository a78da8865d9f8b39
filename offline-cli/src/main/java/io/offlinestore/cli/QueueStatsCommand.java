package io.offlinestore.cli;

import io.offlinestore.sync.Operation;
import io.offlinestore.sync.QueueStats;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline queue stats}: counts per status, oldest pending age, payload bytes. */
@Command(name = "stats", description = "Print the queue's counts per status, oldest pending age and payload bytes.")
final class QueueStatsCommand implements Callable<Integer> {
    @ParentCommand
    private QueueCommand queue;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        QueueStats stats = queue.queue().stats();
        PrintWriter out = spec.commandLine().getOut();
        for (Operation.Status status : Operation.Status.values()) {
            out.println(status.name().toLowerCase(Locale.ROOT) + ": " + stats.count(status));
        }
        out.println("oldest pending: " + stats.oldestPendingAge().map(age -> age.toSeconds() + " s").orElse("none"));
        out.println("payload bytes: " + stats.payloadBytes());
        if (stats.blocked() > 0) {
            out.println("blocked behind failed operations: " + stats.blocked());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
