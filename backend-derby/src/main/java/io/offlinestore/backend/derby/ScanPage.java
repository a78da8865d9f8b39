package io.offlinestore.backend.derby;

import io.offlinestore.spi.KeyValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a scan: at most {@code limit} entries of a keyspace between two stored-key bounds,
 * in key order or reversed, read by one short statement that holds nothing once it returns.
 * Each statement names the index it must walk, the primary key's forwards and the reverse index
 * backwards, so no page ever sorts: left to itself, Derby's optimizer picks the primary key and a
 * sort of the whole rest of the range for reverse pages once a table has grown (seen at 30,000
 * entries of 1 KB), which makes a reverse scan quadratic.
 *
 * @param keyspace       the keyspace's number
 * @param lower          the lower stored-key bound, or {@code null} for none
 * @param lowerInclusive whether the lower bound itself is in the page
 * @param upper          the upper stored-key bound, or {@code null} for none
 * @param upperInclusive whether the upper bound itself is in the page
 * @param reverse        whether the page runs from high keys to low
 * @param limit          the most entries to read
 */
record ScanPage(int keyspace, byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive,
        boolean reverse, int limit) {

    /** The SQL text of this page's shape; each of the 18 shapes is prepared once per session. */
    String sql() {
        StringBuilder sql = new StringBuilder("SELECT K, V FROM ENTRIES --DERBY-PROPERTIES ")
                .append(reverse ? "index=" + Schema.REVERSE_INDEX : "constraint=" + Schema.KEY_INDEX)
                .append("\nWHERE KS = ?");
        if (lower != null) {
            sql.append(lowerInclusive ? " AND K >= ?" : " AND K > ?");
        }
        if (upper != null) {
            sql.append(upperInclusive ? " AND K <= ?" : " AND K < ?");
        }
        return sql.append(reverse ? " ORDER BY K DESC" : " ORDER BY K").append(" FETCH FIRST ? ROWS ONLY").toString();
    }

    /** Reads the page's entries, keys decoded. */
    List<KeyValue> read(Session session) throws SQLException {
        PreparedStatement statement = session.statement(sql());
        int parameter = 1;
        statement.setInt(parameter++, keyspace);
        if (lower != null) {
            statement.setBytes(parameter++, lower);
        }
        if (upper != null) {
            statement.setBytes(parameter++, upper);
        }
        statement.setInt(parameter, limit);
        List<KeyValue> entries = new ArrayList<>(limit);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(new KeyValue(KeyEncoding.decode(rows.getBytes(1)), rows.getBytes(2)));
            }
        }
        return entries;
    }
}
