package io.offlinestore.sync.server.cli;

import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offline-server token create USER} and {@code token revoke (TOKEN | --user USER)}. */
@Command(name = "token", description = "Creates and revokes bearer tokens.", subcommands = {
        TokenCommand.Create.class, TokenCommand.Revoke.class})
final class TokenCommand {

    /** Creates the user if needed and prints a new token alone on its line. */
    @Command(name = "create", description = "Creates USER if needed and prints a new token for it, alone on its line.")
    static final class Create implements Runnable {
        @Parameters(paramLabel = "USER", description = "The user the token acts as.")
        String user;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (ServerDatabase db = database.attach()) {
                String token = new Accounts(db.dataSource()).createToken(user);
                PrintWriter out = spec.commandLine().getOut();
                out.println(token);
                out.flush();
            }
        }
    }

    /** Revokes one token, or every token of a user. */
    @Command(name = "revoke", description = "Revokes a token, or every token of a user.")
    static final class Revoke implements Runnable {
        @ArgGroup(multiplicity = "1")
        Target target;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        /** Which tokens. */
        static final class Target {
            @Parameters(paramLabel = "TOKEN", description = "The token to revoke.")
            String token;

            @Option(names = "--user", paramLabel = "USER", description = "Revoke every token of USER.")
            String user;
        }

        @Override
        public void run() {
            try (ServerDatabase db = database.attach()) {
                Accounts accounts = new Accounts(db.dataSource());
                PrintWriter out = spec.commandLine().getOut();
                if (target.user != null) {
                    out.println("revoked " + accounts.revokeAll(target.user) + " token(s) of " + target.user);
                } else {
                    out.println(accounts.revoke(target.token) ? "revoked" : "no live token matched");
                }
                out.flush();
            }
        }
    }
}
