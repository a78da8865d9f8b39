package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate status|up|down|validate} on a mapdb store with a directory of YAML migrations. */
class MigrateCommandTest {
    @TempDir
    Path dir;
    private String config;
    private Path migration;

    @BeforeEach
    void setUp() throws IOException {
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(dir.resolve("store"))
                .build())) {
            store.collection("users").createBatch(List.of(Document.parse("{\"id\":1,\"name\":\"Ada\"}"),
                    Document.parse("{\"id\":2,\"name\":\"Bo\"}")));
        }
        migration = Files.createDirectories(dir.resolve("migrations")).resolve("V2__add_preferences.yaml");
        Files.writeString(migration, "up:\n  - add-field: { collection: users, path: theme, value: light }\n");
        config = Files.writeString(dir.resolve("store.yaml"), """
                offline:
                  backend: mapdb
                  path: store
                  version: 2
                  migrations:
                    directory: migrations
                """).toString();
    }

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = config;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRunner.runOpening(all);
    }

    @Test
    void statusDryRunUpValidateAndDown() throws IOException {
        CliRunner.Result status = run("migrate", "status");
        assertEquals(ExitCodes.OK, status.exitCode(), status.err());
        assertTrue(status.out().startsWith("schema version 1, configured version 2\n"), status.out());
        assertTrue(status.out().contains("V2  pending   add preferences"), status.out());
        assertTrue(status.out().contains("checksums OK"), status.out());

        CliRunner.Result dryRun = run("migrate", "up", "--dry-run");
        assertEquals(ExitCodes.OK, dryRun.exitCode(), dryRun.err());
        assertTrue(dryRun.out().contains("V2 add preferences: 2 documents would change"), dryRun.out());
        assertTrue(dryRun.out().contains("\"theme\":\"light\""), dryRun.out());
        assertTrue(run("migrate", "status").out().startsWith("schema version 1,"), "the dry run wrote nothing");

        CliRunner.Result up = run("migrate", "up");
        assertEquals(ExitCodes.OK, up.exitCode(), up.err());
        assertTrue(up.out().contains("applied V2 add preferences: 2 documents"), up.out());
        CliRunner.Result get = run("get", "users", "1");
        assertTrue(get.out().contains("\"theme\":\"light\""), get.out() + get.err());
        assertTrue(run("migrate", "status").out().contains("V2  applied   add preferences"));
        assertEquals(ExitCodes.OK, run("migrate", "validate").exitCode());

        CliRunner.Result down = run("migrate", "down", "--to", "1");
        assertEquals(ExitCodes.OK, down.exitCode(), down.err());
        assertTrue(down.out().contains("reverted V2"), down.out());
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(dir.resolve("store"))
                .build())) {
            assertFalse(store.collection("users").get(1).orElseThrow().has("theme"));
        }
    }

    @Test
    void validateFailsWhenAnAppliedFileChanged() throws IOException {
        assertEquals(ExitCodes.OK, run("migrate", "up").exitCode());
        Files.writeString(migration, "up:\n  - add-field: { collection: users, path: theme, value: dark }\n");
        CliRunner.Result validate = run("migrate", "validate");
        assertEquals(ExitCodes.STORAGE, validate.exitCode());
        assertTrue(validate.err().contains("V2 'add preferences' changed since it was applied"), validate.err());
        CliRunner.Result status = run("migrate", "status");
        assertEquals(ExitCodes.STORAGE, status.exitCode());
        assertTrue(status.out().contains("checksums NOT OK"), status.out());
    }

    @Test
    void downNeedsALowerVersion() {
        CliRunner.Result down = run("migrate", "down", "--to", "1");
        assertEquals(ExitCodes.BAD_INPUT, down.exitCode());
        assertTrue(down.err().contains("the store is at version 1"), down.err());
    }
}
