package io.offlinestore.sync.server.cli;

import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the server's database is: the embedded PostgreSQL of {@code --data DIR}, or an existing
 * one at {@code --database-url} with the user and password from {@code OFFLINE_SERVER_DB_USER}
 * and {@code OFFLINE_SERVER_DB_PASSWORD}.
 */
final class DatabaseOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "server-data",
            description = "Data directory of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "An existing PostgreSQL (jdbc:postgresql://host/db); user and password from"
                    + " OFFLINE_SERVER_DB_USER and OFFLINE_SERVER_DB_PASSWORD.")
    String databaseUrl;

    /** The database for serving: the embedded one is started by this process. */
    ServerDatabase open(int poolSize) {
        return databaseUrl != null ? external(poolSize) : ServerDatabase.embedded(data, poolSize);
    }

    /** The database for an admin command: joins a running embedded PostgreSQL if there is one. */
    ServerDatabase attach() {
        return databaseUrl != null ? external(2) : ServerDatabase.attach(data);
    }

    private ServerDatabase external(int poolSize) {
        return ServerDatabase.external(databaseUrl, System.getenv("OFFLINE_SERVER_DB_USER"),
                System.getenv("OFFLINE_SERVER_DB_PASSWORD"), poolSize);
    }
}
