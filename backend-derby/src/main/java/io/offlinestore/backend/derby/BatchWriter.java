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
 * a single index probe), and puts of fresh keys ({@link WriteBatch#insert}, the only operation
 * on their key in the batch) as one JDBC batch of plain {@code INSERT}s, which skip the
 * {@code MERGE}'s probe and its join. Should a fresh key exist after all, the insert fails on
 * the primary key; the caller then rolls back and writes the batch again {@link #merging()}.
 */
final class BatchWriter {
    private static final String DELETE = "DELETE FROM ENTRIES WHERE KS = ? AND K = ?";
    private static final String MERGE = "MERGE INTO ENTRIES USING SYSIBM.SYSDUMMY1 ON ENTRIES.KS = ? AND ENTRIES.K = ? "
            + "WHEN MATCHED THEN UPDATE SET V = ? "
            + "WHEN NOT MATCHED THEN INSERT (KS, K, V) VALUES (?, ?, ?)";
    /** Rows sent to Derby per {@code executeBatch}, bounding the driver's copies of parameters. */
    private static final int CHUNK = 1_000;

    private static final String INSERT = "INSERT INTO ENTRIES (KS, K, V) VALUES (?, ?, ?)";

    /**
     * One row to write: its keyspace number and stored key, its value ({@code null} to delete),
     * and whether it is a fresh key to insert.
     */
    private record Row(int keyspace, byte[] key, byte[] value, boolean fresh) {
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
            RowKey rowKey = new RowKey(keyspace, ByteBuffer.wrap(key));
            boolean fresh = operation instanceof WriteBatch.Put put && put.fresh() && !rows.containsKey(rowKey);
            rows.put(rowKey, new Row(keyspace, key, value, fresh));
        }
        return new BatchWriter(rows);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether some row is written by a plain {@code INSERT}. */
    boolean inserts() {
        return rows.values().stream().anyMatch(Row::fresh);
    }

    /** The same writes with every put a {@code MERGE}, for a batch whose inserts met an existing key. */
    BatchWriter merging() {
        Map<RowKey, Row> merged = new LinkedHashMap<>();
        rows.forEach((key, row) -> merged.put(key, new Row(row.keyspace(), row.key(), row.value(), false)));
        return new BatchWriter(merged);
    }

    /** Writes the rows; the caller commits, or rolls back if this throws. */
    void write(Session session) throws SQLException {
        PreparedStatement delete = session.statement(DELETE);
        PreparedStatement merge = session.statement(MERGE);
        PreparedStatement insert = session.statement(INSERT);
        delete.clearBatch(); // whatever a failed batch before may have left
        merge.clearBatch();
        insert.clearBatch();
        int deletes = 0;
        int merges = 0;
        int inserts = 0;
        for (Row row : rows.values()) {
            if (row.fresh()) {
                insert.setInt(1, row.keyspace());
                insert.setBytes(2, row.key());
                insert.setBytes(3, row.value());
                insert.addBatch();
                inserts = flushIfFull(insert, inserts + 1);
            } else if (row.value() == null) {
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
        if (inserts > 0) {
            insert.executeBatch();
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
