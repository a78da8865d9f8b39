package io.offlinestore.backend.derby;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.DirectoryLock;
import io.offlinestore.spi.StorageBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derby's own lock concern: an open that fails after booting the database shuts it down and
 * releases the directory. (One open per directory, in this process and another, is the kit's
 * {@code ProcessLockContract}: {@link DerbyProcessLockTest}.)
 */
class DerbyLockTest {
    @TempDir
    Path directory;

    @Test
    void aFailedOpenShutsTheDatabaseDownAndUnlocks() throws SQLException {
        open().close();
        DerbyDatabase database = DerbyDatabase.in(directory.resolve("test.derby"));
        try (Connection connection = database.boot(); Statement statement = connection.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('offlinestore.derby.layout', '99')");
            connection.commit();
        }
        database.shutdown();

        StorageException e = assertThrows(StorageException.class, this::open);
        assertTrue(e.getMessage().contains("layout 99"), e.getMessage());
        DirectoryLock.acquire(directory).close();
    }

    private StorageBackend open() {
        return new DerbyBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
