package io.offlinestore.cli;

import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline sync status}: this store's client id, pending changes and stored conflicts. */
@Command(name = "status", description = "Show this store's sync client id, pending changes and stored conflicts.")
final class SyncStatusCommand implements Callable<Integer> {
    @ParentCommand
    private SyncCommand sync;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SyncEngine engine = SyncSetup.offline(sync.root.store())) {
            SyncStatus status = engine.status();
            out.println("client:    " + engine.clientId());
            out.println("pending:   " + status.pending());
            out.println("conflicts: " + status.conflicts());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
