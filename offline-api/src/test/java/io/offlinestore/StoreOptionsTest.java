package io.offlinestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options built in code and loaded from YAML, JSON and properties files. */
class StoreOptionsTest {
    @TempDir
    Path dir;

    private static final CollectionSchema USERS = CollectionSchema.builder("users").keyPath("id")
            .index(IndexDefinition.unique("email")).index(IndexDefinition.of("last", "first").named("name")).build();

    private StoreOptions expected() {
        return StoreOptions.builder().backend("mapdb").path(dir.resolve("data")).databaseName("app").version(3)
                .durability(Durability.RELAXED).collection(USERS).setting("mapdb.mmap", "false").build();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertSame(StoreOptions a, StoreOptions b) {
        assertEquals(a.toString(), b.toString());
        assertEquals(a.collections(), b.collections());
        assertEquals(a.settings(), b.settings());
        assertEquals(a.path(), b.path());
    }

    @Test
    void yamlJsonAndPropertiesLoadTheSameOptions() throws IOException {
        Path yaml = write("store.yaml", """
                offline:
                  backend: mapdb
                  path: data
                  database-name: app
                  version: 3
                  durability: relaxed
                  settings:
                    mapdb.mmap: "false"
                  collections:
                    users:
                      key-path: id
                      indexes:
                        email: { fields: [email], unique: true }
                        name: { fields: [last, first] }
                """);
        Path json = write("store.json", """
                {"offline": {"backend": "mapdb", "path": "data", "database-name": "app", "version": 3,
                  "durability": "relaxed", "settings": {"mapdb": {"mmap": "false"}},
                  "collections": [{"name": "users", "key-path": "id", "indexes": [
                    {"name": "email", "fields": ["email"], "unique": true},
                    {"name": "name", "fields": ["last", "first"]}]}]}}
                """);
        Path properties = write("store.properties", """
                offline.backend=mapdb
                offline.path=data
                offline.database-name=app
                offline.version=3
                offline.durability=relaxed
                offline.settings.mapdb.mmap=false
                offline.collections.users.key-path=id
                offline.collections.users.indexes.email.fields=email
                offline.collections.users.indexes.email.unique=true
                offline.collections.users.indexes.name.fields=last,first
                """);
        assertSame(expected(), StoreOptions.load(yaml));
        assertSame(expected(), StoreOptions.load(json));
        assertSame(expected(), StoreOptions.load(properties));
    }

    @Test
    void relativePathsResolveAgainstTheFilesDirectory() throws IOException {
        Path file = write("a.properties", "offline.backend=memory\noffline.path=sub/store\n");
        assertEquals(dir.resolve("sub/store").toAbsolutePath(), StoreOptions.load(file).path().orElseThrow().toAbsolutePath());
    }

    @Test
    void loadErrorsNameTheFileAndTheKey() throws IOException {
        Path typo = write("typo.yaml", "offline:\n  backend: memory\n  pathh: x\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> StoreOptions.load(typo));
        assertTrue(e.getMessage().contains("typo.yaml") && e.getMessage().contains("offline.pathh"), e.getMessage());

        Path version = write("v.properties", "offline.backend=memory\noffline.version=two\n");
        e = assertThrows(ConfigurationException.class, () -> StoreOptions.load(version));
        assertTrue(e.getMessage().contains("offline.version") && e.getMessage().contains("two"), e.getMessage());

        Path foreign = write("f.properties", "server.port=1\n");
        e = assertThrows(ConfigurationException.class, () -> StoreOptions.load(foreign));
        assertTrue(e.getMessage().contains("server"), e.getMessage());

        Path badIndex = write("i.yaml", "offline:\n  backend: memory\n  collections:\n    users:\n      indexes:\n        e: {fields: ['a..b']}\n");
        e = assertThrows(ConfigurationException.class, () -> StoreOptions.load(badIndex));
        assertTrue(e.getMessage().contains("offline.collections.users"), e.getMessage());

        assertThrows(ConfigurationException.class, () -> StoreOptions.load(dir.resolve("missing.yaml")));
        Path txt = write("store.txt", "x");
        assertThrows(ConfigurationException.class, () -> StoreOptions.load(txt));
    }

    @Test
    void transactionTimeoutDefaultsToTenSecondsAndLoadsFromConfigFiles() throws IOException {
        StoreOptions defaults = StoreOptions.builder().backend("memory").build();
        assertEquals(Duration.ofSeconds(10), defaults.transactionTimeout());
        assertEquals(Integer.MAX_VALUE, defaults.transactionRetries(), "no retry cap unless one is set");
        Path yaml = write("t.yaml", "offline:\n  backend: memory\n  transaction-timeout: PT2.5S\n  transaction-retries: 7\n");
        Path properties = write("t.properties", "offline.backend=memory\noffline.transaction-timeout=pt0.2s\n");
        assertEquals(Duration.ofMillis(2500), StoreOptions.load(yaml).transactionTimeout());
        assertEquals(7, StoreOptions.load(yaml).transactionRetries());
        assertEquals(Duration.ofMillis(200), StoreOptions.load(properties).transactionTimeout());
        assertEquals(Duration.ofMillis(200), StoreOptions.load(properties).toBuilder().build().transactionTimeout());
        ConfigurationException bad = assertThrows(ConfigurationException.class,
                () -> StoreOptions.load(write("b.properties", "offline.backend=memory\noffline.transaction-timeout=10\n")));
        assertTrue(bad.getMessage().contains("offline.transaction-timeout"), bad.getMessage());
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().transactionTimeout(Duration.ZERO));
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().transactionTimeout(null));
    }

    @Test
    void builderFailsFastOnBadValues() {
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().version(0));
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().backend(" "));
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().databaseName("a/b"));
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().collection(USERS).collection(USERS));
        ConfigurationException none = assertThrows(ConfigurationException.class, () -> StoreOptions.builder().build());
        assertTrue(none.getMessage().contains("offline.backend"), none.getMessage());
        StorageBackendProvider custom = new StorageBackendProvider() {
            @Override
            public String name() {
                return "custom";
            }

            @Override
            public StorageBackend open(BackendConfig config) {
                throw new UnsupportedOperationException("not opened in this test");
            }
        };
        assertThrows(ConfigurationException.class, () -> StoreOptions.builder().backend("memory").backend(custom));
        assertEquals("custom", StoreOptions.builder().backend(custom).build().backend());
    }

    @Test
    void schemasRejectBadDefinitions() {
        assertThrows(ConfigurationException.class, () -> CollectionSchema.builder("bad name"));
        assertThrows(ConfigurationException.class, () -> IndexDefinition.of());
        assertThrows(ConfigurationException.class, () -> IndexDefinition.of("a", "a"));
        assertThrows(ConfigurationException.class, () -> CollectionSchema.builder("u")
                .index(IndexDefinition.of("a")).index(IndexDefinition.unique("a")));
        assertThrows(ConfigurationException.class, () -> CollectionSchema.builder("u").index(IndexDefinition.of("id")).build());
        assertEquals("last_first", IndexDefinition.of("last", "first").name());
        assertEquals(List.of("email"), USERS.index("email").orElseThrow().fields());
        assertEquals(Map.of(), StoreOptions.builder().backend("memory").build().settings());
    }

    @Test
    void migrationKeysLoadAndAreCheckedStrictly() throws IOException {
        StoreOptions loaded = StoreOptions.load(write("migrating.yaml", """
                offline:
                  backend: mapdb
                  version: 4
                  migrations:
                    directory: db/migrations
                    allow-downgrade: true
                    run-at-open: false
                """));
        assertEquals(4, loaded.version());
        assertEquals(dir.resolve("db/migrations"), loaded.migrationsDirectory().orElseThrow());
        assertTrue(loaded.allowDowngrade());
        assertEquals(false, loaded.migrateOnOpen());
        assertEquals(loaded.migrationsDirectory(), loaded.toBuilder().build().migrationsDirectory());
        ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> StoreOptions.load(
                write("bad.yaml", "offline:\n  backend: mapdb\n  migrations:\n    dir: x\n")));
        assertTrue(unknown.getMessage().contains("offline.migrations.dir"), unknown.getMessage());
        ConfigurationException flag = assertThrows(ConfigurationException.class, () -> StoreOptions.load(
                write("flag.yaml", "offline:\n  backend: mapdb\n  migrations:\n    allow-downgrade: maybe\n")));
        assertTrue(flag.getMessage().contains("allow-downgrade"), flag.getMessage());
    }
}
