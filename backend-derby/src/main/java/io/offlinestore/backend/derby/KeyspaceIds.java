package io.offlinestore.backend.derby;

import io.offlinestore.StorageException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keyspaces by name with the number their entries are filed under in {@code ENTRIES}: a copy
 * of the {@code KEYSPACES} table, loaded at open and changed after each committed create or
 * drop. Numbers are never reused while the backend is open, so a cursor left open on a dropped
 * keyspace never wanders into a later one.
 */
final class KeyspaceIds {
    private static final String SELECT_ALL = "SELECT NAME, ID FROM KEYSPACES";

    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private int next;

    /** The keyspaces recorded in the database. */
    static KeyspaceIds load(Session session) throws SQLException {
        KeyspaceIds keyspaces = new KeyspaceIds();
        PreparedStatement select = session.statement(SELECT_ALL);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keyspaces.added(rows.getString(1), rows.getInt(2));
            }
        }
        return keyspaces;
    }

    /** The number of an existing keyspace, or {@code null}. */
    Integer find(String keyspace) {
        return ids.get(keyspace);
    }

    /** The number of an existing keyspace, or a {@link StorageException} saying it does not exist. */
    int require(String keyspace) {
        Integer id = ids.get(keyspace);
        if (id == null) {
            throw new StorageException("keyspace '" + keyspace + "' does not exist");
        }
        return id;
    }

    /** A number no keyspace has had since the backend opened. Called under the write lock. */
    int allocate() {
        return next++;
    }

    /** Records a committed keyspace. */
    void added(String keyspace, int id) {
        ids.put(keyspace, id);
        next = Math.max(next, id + 1);
    }

    /** Forgets a dropped keyspace. */
    void removed(String keyspace) {
        ids.remove(keyspace);
    }

    Set<String> names() {
        return Set.copyOf(ids.keySet());
    }
}
