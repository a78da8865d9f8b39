package io.offlinestore.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline compact}: asks the backend to reclaim the space of deleted entries. */
@Command(name = "compact", description = "Reclaim the space of deleted entries and print the bytes reclaimed.")
final class CompactCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        long reclaimed = root.store().compact();
        PrintWriter out = spec.commandLine().getOut();
        out.println("reclaimed " + reclaimed + " bytes");
        out.flush();
        return ExitCodes.OK;
    }
}
