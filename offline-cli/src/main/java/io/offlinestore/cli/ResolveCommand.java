package io.offlinestore.cli;

import io.offlinestore.sync.Resolution;
import io.offlinestore.sync.SyncEngine;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code offline resolve ID --keep local|remote}: settles a stored sync conflict. */
@Command(name = "resolve", description = "Settle a stored sync conflict; the next 'offline sync' pushes the outcome.")
final class ResolveCommand implements Callable<Integer> {
    /** Which side to keep. */
    enum Side { LOCAL, REMOTE }

    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The conflict's id, as 'offline conflicts' lists it.")
    private String id;

    @Option(names = "--keep", required = true, paramLabel = "SIDE", converter = SideConverter.class,
            description = "local (push this store's version) or remote (take the server's).")
    private Side keep;

    @Override
    public Integer call() {
        try (SyncEngine engine = SyncSetup.offline(root.store())) {
            engine.resolveConflict(id, keep == Side.LOCAL ? Resolution.keepLocal() : Resolution.keepRemote());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("resolved " + id + ": kept " + keep.name().toLowerCase(Locale.ROOT));
        out.flush();
        return ExitCodes.OK;
    }

    /** Reads {@code local} or {@code remote} in any case. */
    static final class SideConverter implements ITypeConverter<Side> {
        @Override
        public Side convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "local" -> Side.LOCAL;
                case "remote" -> Side.REMOTE;
                default -> throw new TypeConversionException(
                        "'" + value + "' is not a side: use local or remote");
            };
        }
    }
}
