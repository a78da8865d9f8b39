package io.offlinestore.cli;

import io.offlinestore.IntegrityReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offline check}: walks every document and index entry. A summary goes to standard
 * output; each problem found goes to standard error, and the exit code is then 3.
 */
@Command(name = "check", description = "Check that documents and indexes agree; exit 3 and list the problems on stderr if not.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        IntegrityReport report = root.store().check();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("checked " + report.documents() + " documents and " + report.indexEntries() + " index entries: "
                + (report.isHealthy() ? "healthy" : report.problems().size() + " problems"));
        out.flush();
        report.problems().forEach(err::println);
        err.flush();
        return report.isHealthy() ? ExitCodes.OK : ExitCodes.STORAGE;
    }
}
