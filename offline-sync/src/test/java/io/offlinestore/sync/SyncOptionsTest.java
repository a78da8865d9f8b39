package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.StoreOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncOptionsTest {
    @TempDir
    Path dir;

    @Test
    void loadsFromTheStoresConfigFile() throws Exception {
        Path config = dir.resolve("offline.json");
        Files.writeString(config, """
                {"offline": {"backend": "memory", "settings": {"sync": {
                  "server-url": "https://api.example.com", "collections": "users, orders", "interval": "PT10M",
                  "conflict-strategy": "remote-wins", "strategies": {"orders": "merge"},
                  "scopes": {"orders": "{\\"owner\\": \\"ann\\"}"}, "batch-size": "50"}}}}
                """);
        SyncOptions options = SyncOptions.load(StoreOptions.load(config)).build();
        assertEquals(URI.create("https://api.example.com"), options.serverUrl().orElseThrow());
        assertEquals(List.of("users", "orders"), options.collections());
        assertEquals(Duration.ofMinutes(10), options.interval());
        assertEquals(ConflictStrategy.SERVER_WINS, options.conflictStrategy("users"));
        assertEquals(ConflictStrategy.MERGE, options.conflictStrategy("orders"));
        assertEquals("{\"owner\":{\"$eq\":\"ann\"}}", options.scope("orders").orElseThrow().toString());
        assertEquals(50, options.batchSize());
    }

    @Test
    void badValuesFailFastNamingTheSetting() {
        var bad = assertThrows(ConfigurationException.class, () -> SyncOptions.load(StoreOptions.builder()
                .backend("memory").setting("sync.conflict-strategy", "newest-wins").build()));
        assertTrue(bad.getMessage().contains("sync.conflict-strategy"), bad.getMessage());
        assertTrue(bad.getMessage().contains("newest-wins"), bad.getMessage());
        assertThrows(ConfigurationException.class, () -> SyncOptions.load(StoreOptions.builder()
                .backend("memory").setting("sync.interval", "5 minutes").build()));
        assertThrows(ConfigurationException.class, () -> SyncOptions.builder().collections("users").build());
        assertThrows(ConfigurationException.class, () -> SyncOptions.builder().serverUrl(URI.create("ftp://x")));
        assertThrows(ConfigurationException.class, () -> SyncOptions.builder().collections("_sync_state"));
        assertThrows(ConfigurationException.class, () -> SyncOptions.builder().batchSize(0));
        assertThrows(ConfigurationException.class, () -> SyncOptions.builder().mergeFallback(ConflictStrategy.MERGE));
        assertThrows(ConfigurationException.class, () -> SyncOptions.builder().serverUrl(URI.create("http://h"))
                .collections("users").conflictStrategy("orders", ConflictStrategy.MERGE).build());
    }
}
