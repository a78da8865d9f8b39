package io.offlinestore.testkit.migration;

import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.spi.SchemaMigration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tests a migration the way it runs in an application, as Room's helper does: build a store at
 * version N with fixture documents, reopen it at N+1 (the migrations run as the store opens),
 * assert on the documents, and migrate back down. Needs the migrations module on the test
 * classpath.
 *
 * <pre>{@code
 * MigrationTestHelper helper = MigrationTestHelper.of(options);
 * helper.createAt(1, store -> store.collection("users").put(Document.parse("{\"id\":1,\"name\":\"Ada\"}")));
 * try (OfflineStore store = helper.migrateTo(2, List.of(new AddPreferences()))) {
 *     assertEquals("light", store.collection("users").get(1).orElseThrow().getString("preferences.theme"));
 * }
 * }</pre>
 */
public final class MigrationTestHelper {
    private final StoreOptions options;

    private MigrationTestHelper(StoreOptions options) {
        this.options = options;
    }

    /** A helper for the store these options describe (backend, path, collections, encryption). */
    public static MigrationTestHelper of(StoreOptions options) {
        return new MigrationTestHelper(Objects.requireNonNull(options, "options"));
    }

    /** Creates the store at {@code version}, lets {@code fixtures} fill it, and closes it. */
    public MigrationTestHelper createAt(int version, Consumer<OfflineStore> fixtures) {
        try (OfflineStore store = OfflineStore.open(options.toBuilder().version(version).migrations(List.of()).build())) {
            fixtures.accept(store);
        }
        return this;
    }

    /** Opens the store at {@code version} with {@code migrations}, which run before this returns; the caller closes it. */
    public OfflineStore migrateTo(int version, List<? extends SchemaMigration> migrations) {
        return OfflineStore.open(options.toBuilder().version(version).migrations(migrations).build());
    }

    /** Opens the store at a lower {@code version}, running the {@code down} migrations; the caller closes it. */
    public OfflineStore migrateDownTo(int version, List<? extends SchemaMigration> migrations) {
        return OfflineStore.open(options.toBuilder().version(version).migrations(migrations).allowDowngrade(true).build());
    }
}
