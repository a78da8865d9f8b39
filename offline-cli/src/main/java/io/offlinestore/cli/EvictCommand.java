package io.offlinestore.cli;

import io.offlinestore.EvictionResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline evict}: runs an eviction pass now and prints what it removed per collection. */
@Command(name = "evict", description = "Run an eviction pass now (each collection's policy, then the size limit); "
        + "documents with unsynchronized changes stay.")
final class EvictCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        EvictionResult result = root.store().evict();
        PrintWriter out = spec.commandLine().getOut();
        result.evicted().forEach((collection, count) -> out.println(collection + ": evicted " + count));
        out.println("evicted " + result.total() + " document(s); kept " + result.kept()
                + " the policies allowed but unsynchronized changes or relationships protect");
        out.flush();
        return ExitCodes.OK;
    }
}
