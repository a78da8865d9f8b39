package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration guide's code: options from a YAML file. */
class ConfigurationExample {
    @TempDir
    Path dir;

    @Test
    void loadOptionsFromYaml() throws IOException {
        Files.writeString(dir.resolve("store.yaml"), """
                offline:
                  backend: memory
                  database-name: my_app_db
                  collections:
                    users:
                      key-path: id
                      indexes:
                        email: { fields: [email], unique: true }
                        name: { fields: [last, first] }
                    orders:
                      indexes:
                        user_id: { fields: [user_id] }
                """);
        Path file = dir.resolve("store.yaml");
        // region load
        StoreOptions options = StoreOptions.load(file);
        try (OfflineStore store = OfflineStore.open(options)) {
            // store.collection("users") has the unique "email" and compound "name" indexes
            // endregion load
            assertEquals(2, store.collection("users").schema().indexes().size());
            assertEquals("name", store.collection("users").schema().indexes().get(1).name());
        }
    }
}
