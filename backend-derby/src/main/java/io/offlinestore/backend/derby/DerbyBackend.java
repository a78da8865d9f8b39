package io.offlinestore.backend.derby;

import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendGuard;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.BackendStats.KeyspaceStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.DirectoryLock;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.KeyspaceNames;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link StorageBackend} on an embedded Apache Derby database: every keyspace's entries are rows
 * of one table (see {@link Schema}), keyed by keyspace number and key.
 *
 * <h2>Atomicity and durability</h2>
 * {@link #apply} checks the whole batch first, then writes it on the writer connection
 * (autocommit off) as one JDBC transaction and commits; if anything fails it rolls back, so a
 * batch is applied whole or not at all. Derby forces its transaction log to disk at every commit
 * and replays the log when a database is booted after a crash, so a batch survives a killed
 * process once {@code apply} returns. Derby has no safe way to commit without that sync (see the
 * module README), so {@code Durability.RELAXED} is served exactly like {@code SYNC}.
 *
 * <h2>Concurrency</h2>
 * Derby locks rows rather than keeping versions, so a reader that meets a row a writer has
 * changed waits for the commit, and a reader holding one row while waiting for another can
 * deadlock with the writer. This backend keeps the two apart with the read-write lock of one
 * {@link BackendGuard}: every write transaction ({@code apply}, keyspace creation and
 * dropping, {@code compact}) holds the write lock until it has committed, and every read (a
 * {@code get}, a page of a scan, {@code stats}) holds the read lock while its statement runs.
 * Reads therefore only ever see whole committed batches, never wait on a Derby lock, and run in
 * parallel with each other on up to {@value #READERS} autocommit connections. Cursors read in
 * pages and hold nothing between pages (see {@link DerbyCursor}): they never block a writer and
 * are not snapshots, so {@link Capability#SNAPSHOT_CURSORS} is not declared.
 *
 * <h2>Exclusive use</h2>
 * The store directory is locked with {@link DirectoryLock} before the database boots and
 * unlocked after it has shut down, so a second open of the same path, in this process or
 * another, fails at once with a {@link io.offlinestore.StoreLockedException} instead of meeting
 * Derby's own double-boot check.
 */
public final class DerbyBackend implements StorageBackend {
    private static final Set<Capability> CAPABILITIES =
            Set.of(Capability.PERSISTENT, Capability.DURABLE, Capability.EXCLUSIVE_PROCESS_LOCK);
    private static final int READERS = 4;

    private static final String GET = "SELECT V FROM ENTRIES WHERE KS = ? AND K = ?";
    private static final String INSERT_KEYSPACE = "INSERT INTO KEYSPACES (ID, NAME) VALUES (?, ?)";
    private static final String DELETE_KEYSPACE = "DELETE FROM KEYSPACES WHERE ID = ?";
    private static final String DELETE_ENTRIES = "DELETE FROM ENTRIES WHERE KS = ?";
    private static final String STATS = "SELECT KS, COUNT(*), SUM(CAST(LENGTH(K) AS BIGINT) - 1 + LENGTH(V)) "
            + "FROM ENTRIES GROUP BY KS";
    private static final String COMPRESS = "CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE('APP', 'ENTRIES', 1)";

    private final Path directory;
    private final DirectoryLock directoryLock;
    private final DerbyDatabase database;
    private final Session writer;
    private final SessionPool readers;
    private final KeyspaceIds keyspaces;
    private final BackendGuard guard;

    private DerbyBackend(Path directory, DirectoryLock directoryLock, DerbyDatabase database, Session writer,
            KeyspaceIds keyspaces) {
        this.directory = directory;
        this.directoryLock = directoryLock;
        this.database = database;
        this.writer = writer;
        this.keyspaces = keyspaces;
        this.readers = new SessionPool(database, READERS);
        this.guard = new BackendGuard("the derby store in " + directory);
    }

    /**
     * Locks {@code directory}, then boots (creating if needed) the database
     * {@code <directory>/<databaseName>.derby}.
     */
    static DerbyBackend open(Path directory, String databaseName) {
        DerbyDatabase database = DerbyDatabase.in(directory.resolve(databaseName + ".derby"));
        DirectoryLock directoryLock = DirectoryLock.acquire(directory);
        Connection connection = null;
        try {
            connection = database.boot();
            Schema.prepare(connection);
            Session writer = new Session(connection);
            return new DerbyBackend(directory, directoryLock, database, writer, KeyspaceIds.load(writer));
        } catch (SQLException | RuntimeException e) {
            RuntimeException failure = e instanceof SQLException sql
                    ? DerbyErrors.storage("cannot open the derby store in " + directory, sql) : (RuntimeException) e;
            abandon(connection, database, directoryLock, failure);
            throw failure;
        }
    }

    /** Undoes a failed open: closes the connection, shuts the database down, unlocks. */
    private static void abandon(Connection connection, DerbyDatabase database, DirectoryLock directoryLock,
            RuntimeException failure) {
        try {
            if (connection != null) {
                new Session(connection).close();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            database.shutdown();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            directoryLock.close();
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void createKeyspace(String keyspace) {
        KeyspaceNames.require(keyspace);
        writeLocked(() -> {
            if (keyspaces.find(keyspace) == null) {
                int id = keyspaces.allocate();
                inTransaction("cannot create keyspace '" + keyspace + "'", session -> {
                    PreparedStatement insert = session.statement(INSERT_KEYSPACE);
                    insert.setInt(1, id);
                    insert.setString(2, keyspace);
                    insert.executeUpdate();
                });
                keyspaces.added(keyspace, id);
            }
        });
    }

    /** Deletes the keyspace's rows in one transaction; their space is reused, or reclaimed by {@link #compact}. */
    @Override
    public void dropKeyspace(String keyspace) {
        writeLocked(() -> {
            Integer id = keyspaces.find(keyspace);
            if (id != null) {
                inTransaction("cannot drop keyspace '" + keyspace + "'", session -> {
                    for (String sql : List.of(DELETE_ENTRIES, DELETE_KEYSPACE)) {
                        PreparedStatement delete = session.statement(sql);
                        delete.setInt(1, id);
                        delete.executeUpdate();
                    }
                });
                keyspaces.removed(keyspace);
            }
        });
    }

    @Override
    public Set<String> keyspaces() {
        return readLocked(keyspaces::names);
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return readLocked(() -> {
            int id = keyspaces.require(keyspace);
            if (!KeyEncoding.fits(key)) {
                return null; // no such key can have been stored
            }
            return withReader("cannot read from keyspace '" + keyspace + "'", session -> {
                PreparedStatement get = session.statement(GET);
                get.setInt(1, id);
                return read(get, key);
            });
        });
    }

    /**
     * Reads the keys with the prepared primary-key {@code SELECT} of {@link #get}, on one session
     * under one read lock. (A single {@code SELECT ... WHERE KS = ? AND K IN (...)} is no
     * multi-get in Derby: it probes an index by an {@code IN} list only on the index's first
     * column, which here is the keyspace, so it scanned the whole keyspace: 2 s for 10 documents
     * among 100,000.)
     */
    @Override
    public List<byte[]> getAll(String keyspace, List<byte[]> keys) {
        return readLocked(() -> {
            int id = keyspaces.require(keyspace);
            return withReader("cannot read from keyspace '" + keyspace + "'", session -> {
                PreparedStatement get = session.statement(GET);
                get.setInt(1, id);
                List<byte[]> values = new ArrayList<>(keys.size());
                for (byte[] key : keys) {
                    values.add(KeyEncoding.fits(key) ? read(get, key) : null);
                }
                return values;
            });
        });
    }

    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
        return readLocked(() -> new DerbyCursor(this, keyspaces.require(keyspace), range, reverse));
    }

    @Override
    public void apply(WriteBatch batch) {
        writeLocked(() -> {
            BatchWriter writes = BatchWriter.plan(batch, keyspaces);
            if (writes.isEmpty()) {
                return;
            }
            try {
                inTransaction("cannot apply " + batch, writes::write);
            } catch (StorageException e) {
                if (!writes.inserts() || !DerbyErrors.isDuplicateKey(e)) {
                    throw e;
                }
                inTransaction("cannot apply " + batch, writes.merging()::write); // a key hinted fresh was there
            }
        });
    }

    /**
     * Counts the entries and sums the key and value lengths of every keyspace with one
     * {@code GROUP BY} query. It reads every row, so it costs time in proportion to the number
     * of entries; it blocks writers while it runs.
     */
    @Override
    public BackendStats stats() {
        return readLocked(() -> {
            Map<Integer, KeyspaceStats> byId = withReader("cannot compute store statistics", session -> {
                Map<Integer, KeyspaceStats> found = new HashMap<>();
                try (ResultSet rows = session.statement(STATS).executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getInt(1), new KeyspaceStats(rows.getLong(2), rows.getLong(3)));
                    }
                }
                return found;
            });
            Map<String, KeyspaceStats> stats = new HashMap<>();
            for (String name : keyspaces.names()) {
                stats.put(name, byId.getOrDefault(keyspaces.require(name), new KeyspaceStats(0, 0)));
            }
            return new BackendStats(stats);
        });
    }

    /**
     * Rebuilds the entries table and its indexes with {@code SYSCS_UTIL.SYSCS_COMPRESS_TABLE},
     * giving the space of deleted rows back to the file system. It copies every row, needs room
     * for a second copy while it runs, and blocks readers and writers until it is done.
     */
    @Override
    public void compact() {
        writeLocked(() -> inTransaction("cannot compact the derby store in " + directory,
                session -> session.statement(COMPRESS).execute()));
    }

    /**
     * Closes every connection, shuts the database down (a checkpoint, so the next open has no
     * log to replay) and unlocks the directory, which is unlocked even if the shutdown fails.
     */
    @Override
    public void close() {
        guard.close(() -> {
            try {
                try {
                    readers.close();
                    writer.close();
                } catch (SQLException e) {
                    throw DerbyErrors.storage("cannot close the connections to the derby store in " + directory, e);
                } finally {
                    database.shutdown();
                }
            } finally {
                directoryLock.close();
            }
        });
    }

    /** Runs the primary-key {@code SELECT}, its keyspace already set, for one key. */
    private static byte[] read(PreparedStatement get, byte[] key) throws SQLException {
        get.setBytes(2, KeyEncoding.encode(key));
        try (ResultSet row = get.executeQuery()) {
            return row.next() ? row.getBytes(1) : null;
        }
    }

    /** Reads one page of a scan. */
    List<KeyValue> read(ScanPage page) {
        return readLocked(() -> withReader("cannot scan", page::read));
    }

    @Override
    public String toString() {
        return "DerbyBackend[" + directory + "]";
    }

    private <T> T readLocked(Supplier<T> read) {
        return guard.read(read);
    }

    /** Runs SQL on a read session, handing the session back, or closing it if the SQL failed. */
    private <T> T withReader(String failure, SqlFunction<T> read) {
        Session session = readers.borrow();
        boolean healthy = false;
        try {
            T result = read.apply(session);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw DerbyErrors.storage(failure, e);
        } finally {
            if (healthy) {
                readers.release(session);
            } else {
                readers.discard(session);
            }
        }
    }

    private void writeLocked(Runnable write) {
        guard.write(write);
    }

    /** Runs SQL on the writer session and commits it, or rolls it all back if anything fails. */
    private void inTransaction(String failure, SqlAction write) {
        Connection connection = writer.connection();
        try {
            write.run(writer);
            connection.commit();
        } catch (SQLException e) {
            StorageException error = DerbyErrors.storage(failure, e);
            rollback(connection, error);
            throw error;
        } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** SQL run on a session, giving a result. */
    @FunctionalInterface
    private interface SqlFunction<T> {
        T apply(Session session) throws SQLException;
    }

    /** SQL run on a session. */
    @FunctionalInterface
    private interface SqlAction {
        void run(Session session) throws SQLException;
    }
}
