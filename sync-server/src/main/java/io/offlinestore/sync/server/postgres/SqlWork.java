package io.offlinestore.sync.server.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** JDBC work on a connection that may throw {@link SQLException}. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
