package io.offlinestore.cli;

import io.offlinestore.engine.BackendRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code offline backends}: the names of the storage backends on the class path, one a line. */
@Command(name = "backends", description = "List the storage backends found on the class path, one name a line.")
final class BackendsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        new BackendRegistry().names().forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
