package io.offlinestore.cli;

import io.offlinestore.migrations.AppliedMigration;
import io.offlinestore.migrations.MigrationRunner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline migrate down --to N}: reverts the migrations above version N, newest first. */
@Command(name = "down", description = "Revert the migrations above version N, newest first.")
final class MigrateDownCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand migrate;

    @Spec
    private CommandSpec spec;

    @Option(names = "--to", paramLabel = "N", required = true, description = "The version to go down to.")
    private int to;

    @Override
    public Integer call() {
        int stored = migrate.runner().status().storedVersion();
        if (to >= stored || to < 1) {
            spec.commandLine().getErr().println("--to must be between 1 and " + (stored - 1)
                    + ": the store is at version " + stored);
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        List<AppliedMigration> reverted;
        try (MigrationProgressBar bar = new MigrationProgressBar(migrate.store(), spec.commandLine().getErr())) {
            reverted = MigrationRunner.of(migrate.store()).onProgress(bar::update).migrateTo(to);
        }
        PrintWriter out = spec.commandLine().getOut();
        reverted.forEach(r -> out.println("reverted V" + r.version() + " " + r.description() + ": " + r.documents()
                + " documents in " + r.durationMillis() + " ms"));
        out.println("the store is at version " + to);
        out.flush();
        return ExitCodes.OK;
    }
}
