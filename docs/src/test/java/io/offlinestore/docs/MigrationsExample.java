package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationContext;
import io.offlinestore.migrations.MigrationPreview;
import io.offlinestore.migrations.MigrationRunner;
import io.offlinestore.query.Filters;
import io.offlinestore.testkit.migration.MigrationTestHelper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrations guide's code, run as a test. */
class MigrationsExample {
    @TempDir
    Path dir;

    // region java-migration
    static class AddPreferences implements Migration {
        @Override
        public int version() {
            return 2;
        }

        @Override
        public String description() {
            return "add preferences";
        }

        @Override
        public void up(MigrationContext ctx) {
            ctx.addField("users", "preferences", Map.of("theme", "light"));
            ctx.transform("users", Filters.where("role").eq("admin"),
                    user -> user.with("permissions", List.of("all")));   // applied once per document, even after a crash
        }

        @Override
        public void down(MigrationContext ctx) {
            ctx.removeField("users", "permissions");
            ctx.removeField("users", "preferences");
        }
    }
    // endregion java-migration

    @Test
    void javaAndYamlMigrations() throws IOException {
        Path storeDir = dir.resolve("store");
        try (OfflineStore v1 = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(storeDir).build())) {
            v1.collection("users").put(Document.parse("{\"id\": 1, \"name\": \"Ada\", \"role\": \"admin\"}"));
        }
        Path migrationsDir = Files.createDirectories(dir.resolve("migrations"));
        // region yaml
        Files.writeString(migrationsDir.resolve("V3__index_cities.yaml"), """
                up:
                  - rename-field: { collection: users, from: town, to: city }
                  - create-index: { collection: users, name: by_city, fields: [city] }
                """);
        // endregion yaml
        // region open
        StoreOptions options = StoreOptions.builder().backend("mapdb").path(storeDir)
                .version(3)                                   // the schema version this code expects
                .migrations(List.of(new AddPreferences()))    // Java migrations
                .migrationsDirectory(migrationsDir)           // and declarative ones
                .build();
        try (OfflineStore store = OfflineStore.open(options)) { // runs V2 then V3 before returning
            Document ada = store.collection("users").get(1).orElseThrow();
            // endregion open
            assertEquals("light", ada.getString("preferences.theme"));
            assertEquals(List.of("all"), ada.getList("permissions"));
            // region status
            MigrationRunner runner = MigrationRunner.of(store);
            runner.validate();                                // fails if an applied migration changed or went missing
            int version = runner.status().storedVersion();    // 3
            // endregion status
            assertEquals(3, version);
        }
        // region dry-run
        StoreOptions inspect = options.toBuilder().version(4).migrateOnOpen(false).migrations(List.of(new AddPreferences(),
                new RemoveNames())).build();
        try (OfflineStore store = OfflineStore.open(inspect)) {
            for (MigrationPreview preview : MigrationRunner.of(store).dryRun(4)) {
                System.out.println("V" + preview.version() + ": " + preview.documentsChanged() + " documents would change, e.g. "
                        + preview.samples());
            }
        }
        // endregion dry-run
        try (OfflineStore store = OfflineStore.open(inspect)) {
            assertEquals(3, MigrationRunner.of(store).status().storedVersion());
        }
    }

    /** V4, previewed by the dry run. */
    static class RemoveNames implements Migration {
        @Override
        public int version() {
            return 4;
        }

        @Override
        public String description() {
            return "remove names";
        }

        @Override
        public void up(MigrationContext ctx) {
            ctx.removeField("users", "name");
        }
    }

    @Test
    void testingAMigration() {
        StoreOptions options = StoreOptions.builder().backend("mapdb").path(dir.resolve("tested")).build();
        // region test
        MigrationTestHelper helper = MigrationTestHelper.of(options);
        helper.createAt(1, store -> store.collection("users")
                .put(Document.parse("{\"id\": 1, \"role\": \"admin\"}")));
        try (OfflineStore store = helper.migrateTo(2, List.of(new AddPreferences()))) {
            assertEquals("light", store.collection("users").get(1).orElseThrow().getString("preferences.theme"));
        }
        try (OfflineStore store = helper.migrateDownTo(1, List.of(new AddPreferences()))) {
            assertFalse(store.collection("users").get(1).orElseThrow().has("preferences"));
        }
        // endregion test
    }
}
