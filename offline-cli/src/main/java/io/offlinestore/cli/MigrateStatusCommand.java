package io.offlinestore.cli;

import io.offlinestore.migrations.AppliedMigration;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline migrate status}: the version, the history, what is pending, and whether the checksums match. */
@Command(name = "status", description = "Show the schema version, the applied and pending migrations, and whether "
        + "the applied ones are unchanged.")
final class MigrateStatusCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand migrate;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        MigrationStatus status = migrate.runner().status();
        PrintWriter out = spec.commandLine().getOut();
        out.println("schema version " + status.storedVersion() + ", configured version " + status.targetVersion());
        for (AppliedMigration applied : status.applied()) {
            out.println(applied.baseline() ? "  V" + applied.version() + "  baseline  " + applied.description()
                    : "  V" + applied.version() + "  applied   " + applied.description() + "  (" + applied.appliedAt()
                    + ", " + applied.documents() + " documents, " + applied.durationMillis() + " ms, checksum "
                    + applied.checksum().substring(0, Math.min(12, applied.checksum().length())) + ")");
        }
        if (status.unfinished() != 0) {
            out.println("  V" + status.unfinished() + "  unfinished: interrupted part-way, resumes on the next run");
        }
        for (Migration pending : status.pending()) {
            out.println("  V" + pending.version() + "  pending   " + pending.description());
        }
        out.println(status.valid() ? "checksums OK" : "checksums NOT OK:");
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        status.problems().forEach(err::println);
        err.flush();
        return status.valid() ? ExitCodes.OK : ExitCodes.STORAGE;
    }
}
