package io.offlinestore.cli;

import io.offlinestore.OfflineStore;
import io.offlinestore.migrations.MigrationRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offline migrate}: the store's schema version and its migrations (from the config's
 * {@code offline.migrations.directory} and the migration jars on the classpath). The store is
 * opened without migrating, so that each subcommand decides what runs.
 */
@Command(name = "migrate", description = "Show, check, run or revert the store's schema migrations.",
        subcommands = {MigrateStatusCommand.class, MigrateUpCommand.class, MigrateDownCommand.class,
                MigrateValidateCommand.class})
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** The store, opened without running its migrations. */
    OfflineStore store() {
        return root.storeWithoutMigrating();
    }

    /** A runner of the store's migrations. */
    MigrationRunner runner() {
        return MigrationRunner.of(store());
    }
}
