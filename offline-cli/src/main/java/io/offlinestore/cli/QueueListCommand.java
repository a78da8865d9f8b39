package io.offlinestore.cli;

import io.offlinestore.sync.Operation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline queue list [--status S] [--limit N]}: a table of queued operations, oldest first. */
@Command(name = "list", description = "List queued operations in one status, oldest first.")
final class QueueListCommand implements Callable<Integer> {
    @ParentCommand
    private QueueCommand queue;

    @Spec
    private CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS", converter = OperationStatusConverter.class,
            description = "pending (default), in_progress, completed, failed, cancelled or expired.")
    private Operation.Status status = Operation.Status.PENDING;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many (default 50).")
    private int limit = 50;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must not be negative, got " + limit);
        }
        List<Operation> operations = queue.queue().list(status, limit);
        PrintWriter out = spec.commandLine().getOut();
        if (operations.isEmpty()) {
            out.println("no " + status.name().toLowerCase(Locale.ROOT) + " operations");
        } else {
            TextTable table = new TextTable(List.of("id", "type", "key", "priority", "attempts", "created", "last error"));
            for (Operation operation : operations) {
                table.add(List.of(operation.id(), operation.type(), operation.key().orElse(""),
                        Integer.toString(operation.priority()), Integer.toString(operation.attempts()),
                        operation.createdAt().map(Object::toString).orElse(""), operation.lastError().orElse("")));
            }
            table.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
