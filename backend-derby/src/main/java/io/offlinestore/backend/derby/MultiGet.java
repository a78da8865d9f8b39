package io.offlinestore.backend.derby;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the values of many keys of one keyspace with {@code SELECT ... WHERE K IN (...)}
 * statements, which Derby answers by probing the primary key once per listed key: one statement
 * per {@value #MAX_KEYS} keys instead of one per key. The statements come in a few fixed sizes,
 * prepared once per session; a shorter list repeats its last key to fill one.
 */
final class MultiGet {
    /** The sizes of the prepared {@code IN} lists; the largest is the most keys one statement reads. */
    private static final int[] SIZES = {4, 16, 64, 256};
    static final int MAX_KEYS = SIZES[SIZES.length - 1];
    private static final String[] SELECTS = new String[SIZES.length];

    static {
        for (int i = 0; i < SIZES.length; i++) {
            SELECTS[i] = "SELECT K, V FROM ENTRIES WHERE KS = ? AND K IN ("
                    + String.join(", ", Collections.nCopies(SIZES[i], "?")) + ")";
        }
    }

    private MultiGet() {
    }

    /** The value of each key, in the order of the keys, {@code null} where there is none. */
    static List<byte[]> read(Session session, int keyspace, List<byte[]> keys) throws SQLException {
        List<ByteBuffer> stored = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            stored.add(KeyEncoding.fits(key) ? ByteBuffer.wrap(KeyEncoding.encode(key)) : null);
        }
        List<ByteBuffer> wanted = stored.stream().filter(Objects::nonNull).distinct().toList();
        Map<ByteBuffer, byte[]> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += MAX_KEYS) {
            select(session, keyspace, wanted.subList(from, Math.min(from + MAX_KEYS, wanted.size())), found);
        }
        List<byte[]> values = new ArrayList<>(keys.size());
        Set<ByteBuffer> handedOut = new HashSet<>();
        for (ByteBuffer key : stored) {
            byte[] value = key == null ? null : found.get(key);
            values.add(value == null || handedOut.add(key) ? value : value.clone()); // a key asked twice gets its own copy
        }
        return values;
    }

    private static void select(Session session, int keyspace, List<ByteBuffer> keys, Map<ByteBuffer, byte[]> found)
            throws SQLException {
        int size = 0;
        while (SIZES[size] < keys.size()) {
            size++;
        }
        PreparedStatement select = session.statement(SELECTS[size]);
        select.setInt(1, keyspace);
        for (int i = 0; i < SIZES[size]; i++) {
            select.setBytes(i + 2, keys.get(Math.min(i, keys.size() - 1)).array());
        }
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.put(ByteBuffer.wrap(rows.getBytes(1)), rows.getBytes(2));
            }
        }
    }
}
