package io.offlinestore.engine;

import io.offlinestore.ConfigurationException;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.spi.StoreMigrator;
import io.offlinestore.spi.UntrackedWrites;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs the {@link StoreMigrator} found on the classpath on a store just opened, before anyone
 * else sees it; closes the store if migrating fails. Without a migrator, options that ask for
 * migrations are a configuration error.
 */
final class MigrationAtOpen {
    private MigrationAtOpen() {
    }

    static OfflineStore migrate(OfflineStore store) {
        StoreOptions options = store.options();
        if (!options.migrateOnOpen()) {
            return store;
        }
        try {
            List<StoreMigrator> migrators = ServiceLoader.load(StoreMigrator.class).stream()
                    .map(ServiceLoader.Provider::get).toList();
            if (migrators.isEmpty()) {
                if (!options.migrations().isEmpty() || options.migrationsDirectory().isPresent()) {
                    throw new ConfigurationException("migrations are configured but no migration runner is on the "
                            + "classpath: add the offline-migrations module");
                }
                return store;
            }
            if (migrators.size() > 1) {
                throw new ConfigurationException("more than one migration runner on the classpath: " + migrators);
            }
            migrators.get(0).migrate(store, (UntrackedWrites) store);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
