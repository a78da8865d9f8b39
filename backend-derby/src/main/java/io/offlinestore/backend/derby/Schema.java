package io.offlinestore.backend.derby;

import io.offlinestore.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of a Derby store, created in the new database's first transaction.
 *
 * <ul>
 *   <li>{@code KEYSPACES (ID, NAME)}: each keyspace and the number its entries are filed under.</li>
 *   <li>{@code ENTRIES (KS, K, V)}: every entry of every keyspace. The primary key
 *       {@code (KS, K)} serves gets and forward scans; a second index {@code (KS, K DESC)} serves
 *       reverse scans, because Derby cannot walk a B-tree backwards and would otherwise sort the
 *       whole remaining range for every page of a reverse scan.</li>
 * </ul>
 *
 * Keys are {@code VARCHAR FOR BIT DATA} in {@link KeyEncoding}'s form, values {@code BLOB}s.
 * Tables and indexes use 32 KB pages, the largest Derby has, so that keys of up to
 * {@value KeyEncoding#MAX_KEY_BYTES} bytes fit in an index row. The layout's version is kept
 * as the database property {@value #LAYOUT_PROPERTY}.
 */
final class Schema {
    /** The primary key constraint on {@code (KS, K)}, and so the name of its index. */
    static final String KEY_INDEX = "ENTRIES_KEY";
    /** The index on {@code (KS, K DESC)}. */
    static final String REVERSE_INDEX = "ENTRIES_REVERSE";
    private static final String LAYOUT_PROPERTY = "offlinestore.derby.layout";
    private static final String LAYOUT = "1";

    private static final String[] CREATE = {
        "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '32768')",
        "CREATE TABLE KEYSPACES (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(200) NOT NULL UNIQUE)",
        "CREATE TABLE ENTRIES (KS INT NOT NULL, K VARCHAR(32672) FOR BIT DATA NOT NULL, V BLOB NOT NULL, "
                + "CONSTRAINT " + KEY_INDEX + " PRIMARY KEY (KS, K))",
        "CREATE INDEX " + REVERSE_INDEX + " ON ENTRIES (KS, K DESC)",
        "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('" + LAYOUT_PROPERTY + "', '" + LAYOUT + "')",
    };

    private Schema() {
    }

    /**
     * Creates the tables in a new database, or checks that an existing one has this layout. The
     * connection has autocommit off; this commits.
     */
    static void prepare(Connection connection) throws SQLException {
        String layout = layout(connection);
        if (layout == null) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : CREATE) {
                    statement.execute(sql);
                }
            }
        } else if (!layout.equals(LAYOUT)) {
            throw new StorageException("the derby database has storage layout " + layout
                    + ", this version of the derby backend reads layout " + LAYOUT);
        }
        connection.commit();
    }

    private static String layout(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) {
            statement.setString(1, LAYOUT_PROPERTY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
