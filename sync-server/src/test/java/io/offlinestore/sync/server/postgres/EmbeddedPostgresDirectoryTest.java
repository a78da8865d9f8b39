package io.offlinestore.sync.server.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of a data directory: kept across restarts, refused to a second server,
 * joined by admin commands while a server runs. (A restart after kill -9 is in ServerCrashTest.)
 */
class EmbeddedPostgresDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void oneServerPerDirectoryAdminCommandsJoinItAndDataOutlivesRestarts() {
        String token;
        try (ServerDatabase serving = ServerDatabase.embedded(dir, 2)) {
            DatabaseStartException second = assertThrows(DatabaseStartException.class,
                    () -> ServerDatabase.embedded(dir, 2));
            assertTrue(second.getMessage().contains("another sync server is running on"), second.getMessage());
            try (ServerDatabase admin = ServerDatabase.attach(dir)) {
                assertTrue(admin.description().startsWith("running embedded PostgreSQL"), admin.description());
                token = new Accounts(admin.dataSource()).createToken("ann");
            }
            assertEquals("ann", new Accounts(serving.dataSource()).authenticate(token).orElseThrow());
        }
        assertTrue(new EmbeddedPostgresDirectory(dir).running().isEmpty(), "closing stops PostgreSQL");
        try (ServerDatabase again = ServerDatabase.attach(dir)) {
            assertEquals("ann", new Accounts(again.dataSource()).authenticate(token).orElseThrow());
        }
    }
}
