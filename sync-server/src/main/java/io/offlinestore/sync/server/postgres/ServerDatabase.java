package io.offlinestore.sync.server.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync server's PostgreSQL: a HikariCP pool over an existing database or over the embedded
 * one of a data directory, with the schema migrated. Closing it closes the pool, then stops the
 * embedded PostgreSQL if this process started it.
 */
public final class ServerDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerDatabase.class);
    private static final String EMBEDDED_USER = "postgres";

    private final HikariDataSource pool;
    private final EmbeddedPostgres embedded;
    private final String description;

    private ServerDatabase(HikariDataSource pool, EmbeddedPostgres embedded, String description) {
        this.pool = pool;
        this.embedded = embedded;
        this.description = description;
    }

    /**
     * Starts the embedded PostgreSQL of {@code dataDirectory} and connects to it.
     *
     * @throws DatabaseStartException if it cannot start or be migrated
     */
    public static ServerDatabase embedded(Path dataDirectory, int poolSize) {
        EmbeddedPostgres postgres = new EmbeddedPostgresDirectory(dataDirectory).start(0);
        try {
            return open(postgres.getJdbcUrl(EMBEDDED_USER, "postgres"), EMBEDDED_USER, null, poolSize, postgres,
                    "embedded PostgreSQL in " + dataDirectory.toAbsolutePath());
        } catch (RuntimeException e) {
            stop(postgres);
            throw e;
        }
    }

    /**
     * For admin commands: the PostgreSQL running on {@code dataDirectory} if a server is using it,
     * otherwise a private start of the embedded one (stopped again on {@link #close()}).
     */
    public static ServerDatabase attach(Path dataDirectory) {
        Optional<EmbeddedPostgresDirectory.Running> running = new EmbeddedPostgresDirectory(dataDirectory).running();
        if (running.isPresent()) {
            return open(running.get().jdbcUrl(), EMBEDDED_USER, null, 2, null,
                    "running embedded PostgreSQL in " + dataDirectory.toAbsolutePath());
        }
        return embedded(dataDirectory, 2);
    }

    /**
     * Connects to an existing PostgreSQL.
     *
     * @throws DatabaseStartException if it cannot be reached or migrated
     */
    public static ServerDatabase external(String jdbcUrl, String user, String password, int poolSize) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new DatabaseStartException("database URL must start with jdbc:postgresql:, got '" + jdbcUrl + "'",
                    null);
        }
        return open(jdbcUrl, user, password, poolSize, null, jdbcUrl);
    }

    private static ServerDatabase open(String url, String user, String password, int poolSize,
                                       EmbeddedPostgres embedded, String description) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(5_000);
        config.setPoolName("sync-server");
        config.setInitializationFailTimeout(30_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseStartException("cannot connect to " + description + ": " + e.getMessage(), e);
        }
        try {
            Schema.migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseStartException("cannot migrate the schema of " + description + ": " + e.getMessage(), e);
        }
        LOG.info("sync server database: {}", description);
        return new ServerDatabase(pool, embedded, description);
    }

    /** The pooled connections. */
    public DataSource dataSource() {
        return pool;
    }

    /** What database this is, for logs. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            stop(embedded);
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
