package io.offlinestore.sync.server;

import io.offlinestore.sync.server.postgres.ServerDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL for the whole test JVM (started on first use, stopped at exit), and a
 * fresh database in it for each caller, so test classes share the start-up cost but not state.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres instance() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** The JDBC URL of a new, empty database. */
    public static String freshDatabaseUrl() {
        String name = "sync_test_" + DATABASES.incrementAndGet();
        try (Connection connection = instance().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return instance().getJdbcUrl("postgres", name);
    }

    /** A new, empty database with the server's schema, pooled. */
    public static ServerDatabase freshDatabase() {
        return ServerDatabase.external(freshDatabaseUrl(), "postgres", null, 12);
    }
}
