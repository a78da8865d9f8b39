package io.offlinestore.migrations;

import io.offlinestore.OfflineStore;
import io.offlinestore.migrations.internal.AtOpenMigrator;
import io.offlinestore.migrations.internal.KnownMigrations;
import io.offlinestore.migrations.internal.Migrator;
import io.offlinestore.spi.UntrackedWrites;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs, previews and checks the migrations of an open store. Opening a store already runs its
 * pending migrations; this is for tools (the CLI's {@code migrate} commands) that open it with
 * {@code migrateOnOpen(false)} and act themselves.
 */
public final class MigrationRunner {
    private final OfflineStore store;
    private final List<Migration> migrations;
    private final Consumer<MigrationProgress> listener;

    private MigrationRunner(OfflineStore store, List<Migration> migrations, Consumer<MigrationProgress> listener) {
        this.store = store;
        this.migrations = migrations;
        this.listener = listener;
    }

    /** A runner of the migrations the store's options know: given, listed as services, and in its directory. */
    public static MigrationRunner of(OfflineStore store) {
        return new MigrationRunner(store, KnownMigrations.of(store.options()), progress -> { });
    }

    /** A runner of the given migrations. */
    public static MigrationRunner of(OfflineStore store, List<? extends Migration> migrations) {
        return new MigrationRunner(store, KnownMigrations.checked(List.copyOf(migrations)), progress -> { });
    }

    /** A runner that tells {@code listener} after every batch. */
    public MigrationRunner onProgress(Consumer<MigrationProgress> newListener) {
        return new MigrationRunner(store, migrations, Objects.requireNonNull(newListener, "listener"));
    }

    /** Where the store stands against the version of its options. */
    public MigrationStatus status() {
        return migrator().status(store.options().version());
    }

    /**
     * @throws MigrationException if an applied migration went missing or changed
     */
    public void validate() {
        migrator().validate();
    }

    /**
     * Brings the store to the version of its options, as opening does.
     *
     * @throws SchemaVersionException if that is lower than the stored one and downgrade is not allowed
     */
    public List<AppliedMigration> migrate() {
        int target = store.options().version();
        Migrator migrator = migrator();
        int stored = migrator.storedVersion();
        if (target < stored && !store.options().allowDowngrade()) {
            throw new SchemaVersionException(stored, target);
        }
        return migrator.migrateTo(target);
    }

    /** Runs {@code up} or {@code down} migrations to {@code version}, which the caller chose explicitly. */
    public List<AppliedMigration> migrateTo(int version) {
        return migrator().migrateTo(version);
    }

    /** Reports what migrating up to {@code version} would change, writing nothing. */
    public List<MigrationPreview> dryRun(int version) {
        return migrator().dryRun(version);
    }

    private Migrator migrator() {
        UntrackedWrites writes = store instanceof UntrackedWrites untracked ? untracked : store::beginTransaction;
        return new Migrator(store, writes, migrations, AtOpenMigrator.BATCH_SIZE, listener);
    }
}
