package io.offlinestore.cli;

import io.offlinestore.ClearOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline clear COLLECTION... [--discard-pending]}: empties collections locally. */
@Command(name = "clear", description = "Remove every document of the collections, locally: no change is recorded, "
        + "so nothing is synchronized. Refused for a collection with unsynchronized changes unless --discard-pending.")
final class ClearCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "COLLECTION", converter = CollectionNameConverter.class,
            description = "The collections to clear.")
    private List<String> collections;

    @Option(names = "--discard-pending", description = "Also drop the collections' unsynchronized changes.")
    private boolean discardPending;

    @Override
    public Integer call() {
        root.store().clear(discardPending ? ClearOptions.discardPending() : ClearOptions.keepPending(),
                collections.toArray(String[]::new));
        PrintWriter out = spec.commandLine().getOut();
        out.println("cleared " + String.join(", ", collections));
        out.flush();
        return ExitCodes.OK;
    }
}
