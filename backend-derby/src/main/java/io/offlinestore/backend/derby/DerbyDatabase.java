package io.offlinestore.backend.derby;

import io.offlinestore.ConfigurationException;
import io.offlinestore.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * One embedded Derby database in its own directory: opens connections to it and shuts it down.
 * Only this database is shut down, never the Derby engine, which other stores in the JVM may be
 * using.
 */
final class DerbyDatabase {
    /** SQL state of a database that shut down as asked. */
    private static final String SHUTDOWN_DONE = "08006";

    private final Path directory;
    private final String name;

    private DerbyDatabase(Path directory) {
        this.directory = directory;
        // "directory:" keeps a ':' in the path from being read as a Derby subprotocol.
        this.name = "directory:" + directory.toAbsolutePath();
    }

    /**
     * The database in {@code directory}, which Derby creates on the first connection if it does
     * not exist. The path must not contain {@code ';'}, which would start a Derby attribute.
     */
    static DerbyDatabase in(Path directory) {
        if (directory.toAbsolutePath().toString().indexOf(';') >= 0) {
            throw new ConfigurationException("the derby backend cannot use a path containing ';': " + directory);
        }
        return new DerbyDatabase(directory);
    }

    /**
     * The writer's connection, booting the database and creating it if it does not exist yet:
     * autocommit off, {@code READ_COMMITTED}.
     */
    Connection boot() {
        EmbeddedDataSource source = dataSource();
        source.setCreateDatabase("create");
        return open(source, false);
    }

    /**
     * A reader's connection to the booted database: autocommit on, {@code READ_COMMITTED}. Reads
     * only ever run between committed batches (see {@link DerbyBackend}); the level is a second
     * guard that they never see uncommitted rows.
     */
    Connection connect() {
        return open(dataSource(), true);
    }

    private Connection open(EmbeddedDataSource source, boolean autoCommit) {
        try {
            Connection connection = source.getConnection();
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(autoCommit);
            return connection;
        } catch (SQLException e) {
            throw DerbyErrors.storage("cannot open the derby database in " + directory, e);
        }
    }

    /** Shuts the database down: checkpoints it and closes its files. Every connection must be closed. */
    void shutdown() {
        EmbeddedDataSource source = dataSource();
        source.setShutdownDatabase("shutdown");
        try {
            source.getConnection().close();
        } catch (SQLException e) {
            if (!SHUTDOWN_DONE.equals(e.getSQLState())) {
                throw DerbyErrors.storage("cannot shut down the derby database in " + directory, e);
            }
            return;
        }
        throw new StorageException("the derby database in " + directory + " did not report its shutdown");
    }

    private EmbeddedDataSource dataSource() {
        EmbeddedDataSource source = new EmbeddedDataSource();
        source.setDatabaseName(name);
        return source;
    }
}
