package io.offlinestore.cli;

import io.offlinestore.ConfigurationException;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.ConflictStrategy;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offline sync --server URL [--token TOKEN] [--collections a,b] [--strategy NAME]}: one
 * sync now (push, then pull); {@code offline sync status} shows what is pending. Exit codes: 0
 * done, 1 when conflicts wait to be resolved, 2 for bad arguments, 3 when the server could not
 * be reached or refused the exchange (nothing local is lost; the next sync retries).
 */
@Command(name = "sync", subcommands = SyncStatusCommand.class,
        description = "Push local changes to the sync server and pull its changes, once. "
                + "Defaults come from the store's sync.* settings.")
final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", description = "The sync server's base URL (default: sync.server-url).")
    private URI server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:OFFLINE_SYNC_TOKEN}",
            description = "Bearer token for the server (default: $OFFLINE_SYNC_TOKEN, else sync.token).")
    private String token;

    @Option(names = "--collections", paramLabel = "NAMES", split = ",",
            description = "Collections to sync (default: sync.collections, else every collection).")
    private String[] collections;

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "Conflict strategy: server-wins (default), client-wins, merge or manual.")
    private String strategy;

    @Override
    public Integer call() {
        OfflineStore store = root.store();
        SyncOptions.Builder options = SyncSetup.options(store);
        if (server != null) {
            options.serverUrl(server);
        }
        if (token != null) {
            options.token(token);
        }
        if (strategy != null) {
            try {
                options.conflictStrategy(ConflictStrategy.parse(strategy));
            } catch (ConfigurationException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        SyncSetup.withCollections(options, store, collections);
        SyncOptions built;
        try {
            built = options.build();
        } catch (ConfigurationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SyncEngine engine = SyncEngine.create(store, built)) {
            SyncResult result = engine.synchronize();
            out.printf("pushed %d, pulled %d, conflicts %d, pending %d%n", result.pushed(), result.pulled(),
                    result.conflicts(), engine.status().pending());
            out.flush();
            result.errors().forEach(error -> err.println("offline sync: " + error));
            err.flush();
            if (!result.ok()) {
                return ExitCodes.STORAGE;
            }
            return engine.status().conflicts() > 0 ? ExitCodes.NOT_FOUND : ExitCodes.OK;
        }
    }
}
