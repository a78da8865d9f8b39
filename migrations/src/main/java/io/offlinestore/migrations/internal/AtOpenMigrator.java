package io.offlinestore.migrations.internal;

import io.offlinestore.OfflineStore;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.SchemaVersionException;
import io.offlinestore.spi.StoreMigrator;
import io.offlinestore.spi.UntrackedWrites;
import java.util.List;

/**
 * The {@link StoreMigrator} the engine calls at open: brings the store to its options' version,
 * migrating down only when the options allow it.
 */
public final class AtOpenMigrator implements StoreMigrator {
    /** Documents per committed batch. */
    public static final int BATCH_SIZE = 500;

    @Override
    public void migrate(OfflineStore store, UntrackedWrites writes) {
        List<Migration> migrations = KnownMigrations.of(store.options());
        Migrator migrator = new Migrator(store, writes, migrations, BATCH_SIZE, progress -> { });
        int target = store.options().version();
        int stored = migrator.storedVersion();
        if (target < stored && !store.options().allowDowngrade()) {
            throw new SchemaVersionException(stored, target);
        }
        migrator.migrateTo(target);
    }
}
