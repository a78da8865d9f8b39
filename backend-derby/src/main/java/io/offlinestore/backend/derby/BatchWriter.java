package io.offlinestore.backend.derby;

import io.offlinestore.spi.KeyspaceNames;
import io.offlinestore.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link WriteBatch} on the writer session, inside the transaction the caller commits.
 *
 * <p>{@link #plan} checks the whole batch before anything is written: every keyspace name is
 * valid and exists, every key fits. It then keeps only the last operation on each key, which is
 * what applying them in order leaves, so the rows can be written in any order: deletes as one
 * JDBC batch of {@code DELETE}s, puts as one JDBC batch of {@code MERGE}s (insert or replace in
 * a single index probe).
 */
final class BatchWriter {
    private static final String DELETE = "DELETE FROM ENTRIES WHERE KS = ? AND K = ?";
    private static final String MERGE = "MERGE INTO ENTRIES USING SYSIBM.SYSDUMMY1 ON ENTRIES.KS = ? AND ENTRIES.K = ? "
            + "WHEN MATCHED THEN UPDATE SET V = ? "
            + "WHEN NOT MATCHED THEN INSERT (KS, K, V) VALUES (?, ?, ?)";
    /** Rows sent to Derby per {@code executeBatch}, bounding the driver's copies of parameters. */
    private static final int CHUNK = 1_000;

    /** One row to write: its keyspace number and stored key, and its value ({@code null} to delete). */
    private record Row(int keyspace, byte[] key, byte[] value) {
    }

    /** A stored key with value semantics, to find the last operation on each key. */
    private record RowKey(int keyspace, ByteBuffer key) {
    }

    private final Map<RowKey, Row> rows;

    private BatchWriter(Map<RowKey, Row> rows) {
        this.rows = rows;
    }

    /**
     * Checks every operation of the batch and keeps the last one per key.
     *
     * @throws io.offlinestore.StorageException naming the first invalid or unknown keyspace or
     *                                          over-long key; nothing has been written then
     */
    static BatchWriter plan(WriteBatch batch, KeyspaceIds keyspaces) {
        Map<RowKey, Row> rows = new LinkedHashMap<>();
        for (WriteBatch.Operation operation : batch.operations()) {
            String name = KeyspaceNames.require(operation.keyspace());
            int keyspace = keyspaces.require(name);
            KeyEncoding.requireFits(name, operation.key());
            byte[] key = KeyEncoding.encode(operation.key());
            byte[] value = operation instanceof WriteBatch.Put put ? put.value() : null;
            rows.put(new RowKey(keyspace, ByteBuffer.wrap(key)), new Row(keyspace, key, value));
        }
        return new BatchWriter(rows);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Writes the rows; the caller commits, or rolls back if this throws. */
    void write(Session session) throws SQLException {
        PreparedStatement delete = session.statement(DELETE);
        PreparedStatement merge = session.statement(MERGE);
        delete.clearBatch(); // whatever a failed batch before may have left
        merge.clearBatch();
        int deletes = 0;
        int merges = 0;
        for (Row row : rows.values()) {
            if (row.value() == null) {
                delete.setInt(1, row.keyspace());
                delete.setBytes(2, row.key());
                delete.addBatch();
                deletes = flushIfFull(delete, deletes + 1);
            } else {
                merge.setInt(1, row.keyspace());
                merge.setBytes(2, row.key());
                merge.setBytes(3, row.value());
                merge.setInt(4, row.keyspace());
                merge.setBytes(5, row.key());
                merge.setBytes(6, row.value());
                merge.addBatch();
                merges = flushIfFull(merge, merges + 1);
            }
        }
        if (deletes > 0) {
            delete.executeBatch();
        }
        if (merges > 0) {
            merge.executeBatch();
        }
    }

    private static int flushIfFull(PreparedStatement statement, int pending) throws SQLException {
        if (pending < CHUNK) {
            return pending;
        }
        statement.executeBatch();
        return 0;
    }
}
