package io.offlinestore.cli;

import io.offlinestore.migrations.AppliedMigration;
import io.offlinestore.migrations.MigrationPreview;
import io.offlinestore.migrations.MigrationRunner;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline migrate up [--to N] [--dry-run]}: runs (or previews) the pending migrations. */
@Command(name = "up", description = "Run the pending migrations, to the configured version or to --to.")
final class MigrateUpCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand migrate;

    @Spec
    private CommandSpec spec;

    @Option(names = "--to", paramLabel = "N", description = "The version to migrate to (default: offline.version).")
    private Integer to;

    @Option(names = "--dry-run", description = "Report what would change, with sample documents, and write nothing.")
    private boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int target = to != null ? to : migrate.store().options().version();
        int stored = migrate.runner().status().storedVersion();
        if (target < stored) {
            spec.commandLine().getErr().println("the store is at version " + stored + "; use 'migrate down --to "
                    + target + "' to go down");
            spec.commandLine().getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        if (dryRun) {
            List<MigrationPreview> previews = migrate.runner().dryRun(target);
            previews.forEach(preview -> print(out, preview));
            out.println(previews.isEmpty() ? "nothing to migrate: the store is at version " + stored
                    : "dry run: nothing was written");
            out.flush();
            return ExitCodes.OK;
        }
        List<AppliedMigration> applied;
        try (MigrationProgressBar bar = new MigrationProgressBar(migrate.store(), spec.commandLine().getErr())) {
            applied = MigrationRunner.of(migrate.store()).onProgress(bar::update).migrateTo(target);
        }
        applied.forEach(a -> out.println("applied V" + a.version() + " " + a.description() + ": " + a.documents()
                + " documents in " + a.durationMillis() + " ms"));
        out.println("the store is at version " + Math.max(target, stored));
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, MigrationPreview preview) {
        out.println("V" + preview.version() + " " + preview.description() + ": " + preview.documentsChanged()
                + " documents would change");
        preview.schemaSteps().forEach(step -> out.println("  " + step));
        for (MigrationPreview.Sample sample : preview.samples()) {
            out.println("  " + sample.collection() + ": " + sample.before());
            out.println("  " + " ".repeat(sample.collection().length()) + "  -> "
                    + (sample.after() == null ? "(deleted)" : sample.after()));
        }
    }
}
