package io.offlinestore.cli;

import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.SyncEngine;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline conflicts}: the sync conflicts waiting for {@code offline resolve}. */
@Command(name = "conflicts", description = "List the sync conflicts waiting for 'offline resolve'.")
final class ConflictsCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SyncEngine engine = SyncSetup.offline(root.store())) {
            List<Conflict> conflicts = engine.conflicts();
            if (conflicts.isEmpty()) {
                out.println("no conflicts");
            }
            for (Conflict conflict : conflicts) {
                out.println(conflict.id() + "  " + conflict.kind() + "  server version " + conflict.remoteVersion()
                        + (conflict.reason() == null ? "" : "  " + conflict.reason()));
                out.println("  local:  " + (conflict.local() == null ? "(deleted)" : conflict.local().toJson()));
                out.println("  server: " + (conflict.remote() == null ? "(deleted)" : conflict.remote().toJson()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
