package io.offlinestore.cli;

import io.offlinestore.ConfigurationException;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.encryption.KeyProviders;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code offline} command: the options that choose the store, shared by every
 * subcommand (they may be given before or after the subcommand's name), and the store itself,
 * which subcommands reach through {@link #store()}.
 */
@Command(name = "offline",
        description = "Offline Store from the command line: a demo, and commands that read and write documents.",
        subcommands = {BackendsCommand.class, DemoCommand.class, PutCommand.class, GetCommand.class,
                DeleteCommand.class, ImportCommand.class, ExportCommand.class, QueryCommand.class,
                CountCommand.class, IndexCommand.class, InfoCommand.class, CheckCommand.class, EvictCommand.class,
                ClearCommand.class, CompactCommand.class, PolicyCommand.class, QueueCommand.class,
                StatusServerCommand.class, SyncCommand.class, ConflictsCommand.class, ResolveCommand.class,
                MigrateCommand.class},
        sortOptions = false,
        usageHelpAutoWidth = true,
        footer = {"", "Exit codes: 0 done, 1 not found, 2 bad input, 3 storage or configuration error, 4 internal error."})
public final class OfflineCommand implements Callable<Integer> {
    /**
     * The backend of a new store when neither a config file nor {@code --backend} names one: h2, for
     * the reasons in docs/backends.md ("Choosing a persistent backend").
     */
    static final String DEFAULT_BACKEND = "h2";
    /**
     * The default before h2; a directory already holding its store file ({@code <name>.mapdb}) keeps
     * opening with it, so that changing the default never hides an existing store.
     */
    static final String FORMER_DEFAULT_BACKEND = "mapdb";
    /** The store directory used when neither a config file nor {@code --path} gives one. */
    static final Path DEFAULT_PATH = Path.of("offline-data");

    @Spec
    private CommandSpec spec;

    @Option(names = "--backend", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Storage backend (default: the config file's, else " + DEFAULT_BACKEND + ").")
    private String backend;

    @Option(names = "--path", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Store directory (default: the config file's, else offline-data in the working directory).")
    private Path path;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Store options file (.yaml, .yml, .json or .properties with offline.* keys); "
                    + "--backend and --path override it.")
    private Path config;

    @Option(names = "--ask-passphrase", scope = ScopeType.INHERIT,
            description = "Ask at the terminal for the passphrase of an encrypted store (instead of the variable "
                    + "named by offline.encryption.passphrase-env).")
    private boolean askPassphrase;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with error messages.")
    private boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    private boolean help;

    private final StoreSession session;

    OfflineCommand(StoreSession session) {
        this.session = session;
    }

    /** Without a subcommand there is nothing to do: the usage goes to standard error, a usage error. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("offline: missing command");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /**
     * The options to open the store with: the config file's if one is given, then {@code --backend}
     * and {@code --path} override. Without a backend: {@value #FORMER_DEFAULT_BACKEND} if the
     * directory already holds a store of it, else {@value #DEFAULT_BACKEND}; without a path,
     * {@code ./offline-data}.
     */
    StoreOptions storeOptions() {
        StoreOptions.Builder builder = config == null ? StoreOptions.builder() : StoreOptions.loadBuilder(config);
        if (backend != null) {
            builder.backend(backend);
        }
        if (path != null) {
            builder.path(path);
        }
        StoreOptions options = withDefaults(builder);
        if (askPassphrase) {
            EncryptionOptions encryption = options.encryption().orElseThrow(() -> new ConfigurationException(
                    "--ask-passphrase needs a store with encryption configured (offline.encryption in --config)"));
            Console console = System.console();
            if (console == null) {
                throw new ConfigurationException("--ask-passphrase needs a terminal; set the variable named by "
                        + "offline.encryption.passphrase-env instead");
            }
            char[] passphrase = console.readPassword("Passphrase for %s: ", options.path().orElse(DEFAULT_PATH));
            options = options.toBuilder().encryption(encryption.withKeyProvider(KeyProviders.passphrase(passphrase))).build();
            Arrays.fill(passphrase, '\0');
        }
        return options;
    }

    private static StoreOptions withDefaults(StoreOptions.Builder builder) {
        StoreOptions options;
        try {
            options = builder.build();
        } catch (ConfigurationException noBackend) {
            // build() refuses only a missing backend; the default fills it
            options = builder.backend(DEFAULT_BACKEND).build();
            Path directory = options.path().orElse(DEFAULT_PATH);
            if (Files.exists(directory.resolve(options.databaseName() + "." + FORMER_DEFAULT_BACKEND))) {
                options = options.toBuilder().backend(FORMER_DEFAULT_BACKEND).build();
            }
        }
        return options.path().isPresent() ? options : options.toBuilder().path(DEFAULT_PATH).build();
    }

    /** The store the command works on, opened on first use. */
    OfflineStore store() {
        return session.store(this::storeOptions);
    }

    /** The store opened without running its migrations (for {@code migrate}), on first use. */
    OfflineStore storeWithoutMigrating() {
        return session.store(() -> storeOptions().toBuilder().migrateOnOpen(false).build());
    }

    /** A collection of {@link #store()}. */
    DocumentCollection collection(String name) {
        return store().collection(name);
    }

    /** Whether errors should come with their stack traces. */
    boolean verbose() {
        return verbose;
    }

    /** Closes the store if this command opened it. */
    void closeStore() {
        session.close();
    }
}
