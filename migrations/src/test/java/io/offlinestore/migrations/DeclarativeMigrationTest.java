package io.offlinestore.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.testkit.migration.MigrationTestHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarativeMigrationTest {
    @TempDir
    Path directory;
    private Path migrations;
    private MigrationTestHelper helper;

    @BeforeEach
    void setUp() throws IOException {
        migrations = Files.createDirectories(directory.resolve("migrations"));
        helper = MigrationTestHelper.of(StoreOptions.builder().backend("mapdb").path(directory.resolve("store"))
                .migrationsDirectory(migrations).build());
        helper.createAt(1, store -> store.collection("users").createBatch(List.of(
                Document.parse("{\"id\":1,\"name\":\"Ada\",\"role\":\"admin\",\"city\":\"Oslo\"}"),
                Document.parse("{\"id\":2,\"name\":\"Bo\",\"role\":\"user\",\"city\":\"Rome\"}"),
                Document.parse("{\"id\":3,\"name\":\"Cy\",\"role\":\"user\",\"city\":\"Oslo\",\"legacy\":true}"))));
    }

    @Test
    void yamlAndJsonMigrationsRunAtOpenAndRevertByTheirInverses() throws IOException {
        Files.writeString(migrations.resolve("V2__add_preferences.yaml"), """
                description: add preferences and index cities
                up:
                  - add-field: { collection: users, path: preferences, value: { theme: light } }
                  - rename-field: { collection: users, from: name, to: fullName }
                  - create-index: { collection: users, name: by_city, fields: [city] }
                """);
        Files.writeString(migrations.resolve("V3__promote_admins.json"), """
                {"up": [
                  {"set": {"collection": "users", "filter": {"role": "admin"}, "values": {"level": 3}}},
                  {"remove-field": {"collection": "users", "path": "legacy"}}
                ],
                 "down": [{"remove-field": {"collection": "users", "path": "level"}}]}
                """);
        Files.writeString(migrations.resolve("README.md"), "not a migration");
        try (OfflineStore store = helper.migrateTo(3, List.of())) {
            Document ada = store.collection("users").get(1).orElseThrow();
            assertEquals("light", ada.getString("preferences.theme"));
            assertEquals("Ada", ada.getString("fullName"));
            assertEquals(3, ada.getInteger("level"));
            assertFalse(store.collection("users").get(2).orElseThrow().has("level"));
            assertFalse(store.collection("users").get(3).orElseThrow().has("legacy"));
            assertTrue(store.collection("users").explain(Query.filter(Filters.where("city").eq("Oslo")))
                    .toString().contains("by_city"));
            MigrationStatus status = MigrationRunner.of(store).status();
            assertEquals("add preferences and index cities", status.applied().get(1).description());
            assertEquals(Checksums.of(Files.readAllBytes(migrations.resolve("V2__add_preferences.yaml"))),
                    status.applied().get(1).checksum());
            assertEquals("promote admins", status.applied().get(2).description());
        }
        try (OfflineStore store = helper.migrateDownTo(1, List.of())) {
            Document ada = store.collection("users").get(1).orElseThrow();
            assertEquals("Ada", ada.getString("name"));
            assertFalse(ada.has("preferences") || ada.has("level") || ada.has("fullName"), ada.toJson());
            assertTrue(store.collection("users").schema().index("by_city").isEmpty());
        }
    }

    @Test
    void anEditedFileFailsValidation() throws IOException {
        Path file = migrations.resolve("V2__add_preferences.yaml");
        Files.writeString(file, "up:\n  - add-field: { collection: users, path: preferences, value: {} }\n");
        helper.migrateTo(2, List.of()).close();
        Files.writeString(file, "up:\n  - add-field: { collection: users, path: preferences, value: { a: 1 } }\n");
        MigrationException changed = assertThrows(MigrationException.class, () -> helper.migrateTo(2, List.of()));
        assertTrue(changed.getMessage().contains("V2 'add preferences' changed since it was applied"), changed.getMessage());
    }

    @Test
    void anOperationWithoutInverseMakesDownIrreversible() throws IOException {
        Files.writeString(migrations.resolve("V2__purge.yaml"),
                "up:\n  - delete-where: { collection: users, filter: { role: user } }\n");
        try (OfflineStore store = helper.migrateTo(2, List.of())) {
            assertEquals(1, store.collection("users").count());
        }
        IrreversibleMigrationException down = assertThrows(IrreversibleMigrationException.class,
                () -> helper.migrateDownTo(1, List.of()));
        assertTrue(down.getMessage().contains("V2__purge.yaml") && down.getMessage().contains("DeleteWhere"),
                down.getMessage());
    }

    @Test
    void mistakesInAFileNameTheFileAndTheOperation() throws IOException {
        Files.writeString(migrations.resolve("V2__bad.yaml"), """
                up:
                  - add-field: { collection: users, path: x, value: 1 }
                  - rename-feld: { collection: users, from: a, to: b }
                """);
        MigrationException unknown = assertThrows(MigrationException.class, () -> helper.migrateTo(2, List.of()));
        assertTrue(unknown.getMessage().contains("V2__bad.yaml: up[2] rename-feld is not an operation"),
                unknown.getMessage());
        Files.writeString(migrations.resolve("V2__bad.yaml"), "up:\n  - set: { collection: users, values: { a: 1 } }\n");
        MigrationException missing = assertThrows(MigrationException.class, () -> helper.migrateTo(2, List.of()));
        assertTrue(missing.getMessage().contains("V2__bad.yaml: up[1] set needs 'filter'"), missing.getMessage());
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb")
                .path(directory.resolve("store")).build())) {
            assertFalse(store.collection("users").get(1).orElseThrow().has("x"), "nothing was written");
        }
    }
}
