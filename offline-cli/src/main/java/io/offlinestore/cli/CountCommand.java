package io.offlinestore.cli;

import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offline count COLLECTION [--filter JSON]}: how many documents match. */
@Command(name = "count", description = "Print how many documents match the filter (all of them without one).")
final class CountCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COLLECTION", converter = CollectionNameConverter.class,
            description = "The collection.")
    private String collection;

    @Option(names = "--filter", paramLabel = "JSON", converter = FilterConverter.class,
            description = "A MongoDB-style filter, e.g. {\"role\":\"admin\",\"age\":{\"$gte\":30}}.")
    private Filter filter = Filters.all();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(root.collection(collection).count(filter));
        out.flush();
        return ExitCodes.OK;
    }
}
