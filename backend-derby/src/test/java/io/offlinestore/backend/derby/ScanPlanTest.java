package io.offlinestore.backend.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shape of scan page walks the index that has its order, forward pages the primary key and
 * reverse pages the reverse index, and never sorts: Derby cannot walk a B-tree backwards, so a
 * sorting reverse page would read the whole rest of the range.
 */
class ScanPlanTest {
    /** Enough rows that Derby's optimizer, left to itself, would rather sort than walk the reverse index. */
    private static final int ROWS = 5_000;

    @TempDir
    Path directory;

    @Test
    void noPageShapeSorts() throws SQLException {
        try (StorageBackend backend = new DerbyBackendProvider().open(
                new BackendConfig(directory, "test", Durability.SYNC, Map.of()))) {
            backend.createKeyspace("ks");
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < ROWS; i++) {
                batch.put("ks", key(i), new byte[] {(byte) i});
            }
            backend.apply(batch);

            try (Connection connection = DerbyDatabase.in(directory.resolve("test.derby")).connect();
                    Statement statement = connection.createStatement()) {
                // Statistics as Derby's background daemon would gather them on a grown table.
                statement.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'ENTRIES', NULL)");
                statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                Set<String> shapes = new HashSet<>();
                for (Bound lower : Bound.values()) {
                    for (Bound upper : Bound.values()) {
                        for (boolean reverse : new boolean[] {false, true}) {
                            ScanPage page = new ScanPage(0, lower.key(ROWS / 10), lower.inclusive(), upper.key(ROWS * 9 / 10),
                                    upper.inclusive(), reverse, 5);
                            assertEquals(5, page.read(new Session(connection)).size(), page.sql());
                            String plan = lastPlan(statement);
                            assertFalse(plan.contains("Sort ResultSet"), page.sql() + " sorts:\n" + plan);
                            String index = reverse ? "using index " + Schema.REVERSE_INDEX
                                    : "using constraint " + Schema.KEY_INDEX;
                            assertTrue(plan.contains(index), page.sql() + " does not walk " + index + ":\n" + plan);
                            shapes.add(page.sql());
                        }
                    }
                }
                assertEquals(18, shapes.size());
            }
        }
    }

    /** A kind of range bound. */
    private enum Bound {
        NONE, INCLUSIVE, EXCLUSIVE;

        byte[] key(int key) {
            return this == NONE ? null : KeyEncoding.encode(ScanPlanTest.key(key));
        }

        boolean inclusive() {
            return this == INCLUSIVE;
        }
    }

    private static byte[] key(int i) {
        return new byte[] {(byte) (i >> 8), (byte) i};
    }

    private static String lastPlan(Statement statement) throws SQLException {
        try (ResultSet plan = statement.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            plan.next();
            return plan.getString(1);
        }
    }
}
