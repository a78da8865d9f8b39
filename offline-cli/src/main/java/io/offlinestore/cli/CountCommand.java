package io.offlinestore.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline count COLLECTION [--filter JSON]}: how many documents match. */
@Command(name = "count", description = "Print how many documents match the filter (all of them without one).")
final class CountCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionParameter collection;

    @Mixin
    private FilterOption filter;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(root.collection(collection.name()).count(filter.filter()));
        out.flush();
        return ExitCodes.OK;
    }
}
