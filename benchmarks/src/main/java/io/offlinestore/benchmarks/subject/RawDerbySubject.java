package io.offlinestore.benchmarks.subject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw Derby baseline: what an application would write by hand on embedded Derby 10.16 with
 * JDBC. One table, {@code DOCS (ID BIGINT PRIMARY KEY, GRP INT, BODY BLOB)} with Smile bodies and
 * an index on {@code (GRP, ID)}; prepared statements, batched inserts with one commit per call
 * (Derby forces its log at each commit by default), reads through the primary key or the index.
 * Public only so that Derby can reach {@link #DERBY_LOG}.
 */
public final class RawDerbySubject implements Subject {
    /** Where Derby's own log goes instead of a {@code derby.log} file: nowhere. */
    public static final OutputStream DERBY_LOG = OutputStream.nullOutputStream();

    static {
        if (System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.field", RawDerbySubject.class.getName() + ".DERBY_LOG");
        }
    }

    private final String url;
    private Connection connection;
    private PreparedStatement insert;
    private PreparedStatement byId;
    private PreparedStatement byGroup;
    private PreparedStatement fromGroup;
    private PreparedStatement scan;

    /** Opens the database in the directory, creating it if there is none. */
    RawDerbySubject(Path directory) {
        Path database = directory.resolve("raw-derby").toAbsolutePath();
        this.url = "jdbc:derby:" + database;
        try {
            if (!Files.exists(database)) {
                try (Connection create = DriverManager.getConnection(url + ";create=true");
                     Statement ddl = create.createStatement()) {
                    ddl.execute("CREATE TABLE DOCS (ID BIGINT NOT NULL PRIMARY KEY, GRP INT NOT NULL, BODY BLOB NOT NULL)");
                    ddl.execute("CREATE INDEX DOCS_GRP ON DOCS (GRP, ID)");
                }
            }
            open();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the Derby database", e);
        }
    }

    private void open() throws SQLException {
        connection = DriverManager.getConnection(url);
        connection.setAutoCommit(false);
        insert = connection.prepareStatement("INSERT INTO DOCS (ID, GRP, BODY) VALUES (?, ?, ?)");
        byId = connection.prepareStatement("SELECT BODY FROM DOCS WHERE ID = ?");
        byGroup = connection.prepareStatement("SELECT BODY FROM DOCS WHERE GRP = ?");
        fromGroup = connection.prepareStatement("SELECT BODY FROM DOCS WHERE GRP >= ? ORDER BY GRP, ID FETCH FIRST ? ROWS ONLY");
        scan = connection.prepareStatement("SELECT BODY FROM DOCS");
    }

    @Override
    public Object prepare(ObjectNode document) {
        return document;
    }

    @Override
    public void insertAll(List<Object> documents) {
        try {
            for (Object document : documents) {
                bind((ObjectNode) document);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void insertOne(Object document) {
        try {
            bind((ObjectNode) document);
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void bind(ObjectNode document) throws SQLException {
        insert.setLong(1, document.get("id").longValue());
        insert.setInt(2, document.get("group").intValue());
        insert.setBytes(3, RawCodec.encode(document));
    }

    @Override
    public Object get(long id) {
        try {
            byId.setLong(1, id);
            List<ObjectNode> found = read(byId, Integer.MAX_VALUE, null);
            if (found.isEmpty()) {
                throw new IllegalStateException("no document " + id);
            }
            return found.get(0);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<?> findByGroup(int group) {
        try {
            byGroup.setInt(1, group);
            return read(byGroup, Integer.MAX_VALUE, null);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<?> findGroupsFrom(int from, int limit) {
        try {
            fromGroup.setInt(1, from);
            fromGroup.setInt(2, limit);
            return read(fromGroup, limit, null);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public List<?> scanByStatus(String status) {
        try {
            return read(scan, Integer.MAX_VALUE, status);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs the query and decodes its bodies, keeping those with the status when one is given. */
    private List<ObjectNode> read(PreparedStatement query, int limit, String status) throws SQLException {
        List<ObjectNode> out = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (out.size() < limit && rows.next()) {
                ObjectNode document = RawCodec.decode(rows.getBytes(1));
                if (status == null || status.equals(document.path("status").textValue())) {
                    out.add(document);
                }
            }
        }
        connection.commit();
        return out;
    }

    @Override
    public void reopen() {
        try {
            shutdown();
            open();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        try {
            shutdown();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Closes the connection and shuts the database down (Derby reports that as SQLState 08006). */
    private void shutdown() throws SQLException {
        connection.close();
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Derby: " + e.getMessage(), e);
    }
}
