package io.offlinestore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline migrate validate}: fails (exit 3) if an applied migration went missing or changed. */
@Command(name = "validate", description = "Check that every applied migration is still there and unchanged.")
final class MigrateValidateCommand implements Callable<Integer> {
    @ParentCommand
    private MigrateCommand migrate;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        migrate.runner().validate();
        spec.commandLine().getOut().println("the migration history matches the migrations");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
