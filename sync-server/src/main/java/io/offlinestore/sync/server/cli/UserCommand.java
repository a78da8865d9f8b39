package io.offlinestore.sync.server.cli;

import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code offline-server user list}. */
@Command(name = "user", description = "Lists users.", subcommands = UserCommand.ListUsers.class)
final class UserCommand {

    /** One line per user: name, live tokens, created. */
    @Command(name = "list", description = "Prints each user: name, live tokens, created at.")
    static final class ListUsers implements Runnable {
        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (ServerDatabase db = database.attach()) {
                PrintWriter out = spec.commandLine().getOut();
                for (Accounts.User user : new Accounts(db.dataSource()).users()) {
                    out.println(user.name() + "\t" + user.liveTokens() + " token(s)\t" + user.createdAt());
                }
                out.flush();
            }
        }
    }
}
