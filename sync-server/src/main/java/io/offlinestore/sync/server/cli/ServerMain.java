package io.offlinestore.sync.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/offline-server}: runs the sync server ({@code --data DIR --port N}, the default
 * command) and administers its accounts ({@code token create|revoke}, {@code user list}). Exit
 * codes: 0 done, 1 failed (database unreachable, ...), 2 bad arguments.
 */
@Command(name = "offline-server", mixinStandardHelpOptions = true,
        description = "The Offline Store reference sync server.",
        subcommands = {ServeCommand.class, TokenCommand.class, UserCommand.class})
public final class ServerMain {

    private ServerMain() {
    }

    /** Runs the command line; with no command (or only serve options) it serves. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean admin = args.length > 0 && !args[0].startsWith("-");
        String[] effective = args;
        if (!admin && !(args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")))) {
            effective = new String[args.length + 1];
            effective[0] = "serve";
            System.arraycopy(args, 0, effective, 1, args.length);
        }
        CommandLine cli = new CommandLine(new ServerMain());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("offline-server: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli.execute(effective);
    }
}
