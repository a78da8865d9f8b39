package io.offlinestore.backend.mapdb;

import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.util.Objects;

/**
 * Provides the {@code mapdb} backend ({@code offline.backend=mapdb}): a persistent store in
 * {@link BackendConfig#path()}, which is required, in the file {@code <databaseName>.mapdb}. The
 * config's durability is honoured (see {@link MapDbBackend}) and its settings are read by
 * {@link MapDbSettings}.
 */
public final class MapDbBackendProvider implements StorageBackendProvider {
    /** The name this backend is selected by. */
    public static final String NAME = "mapdb";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws io.offlinestore.ConfigurationException if the config has no path or a bad setting
     * @throws io.offlinestore.StoreLockedException if the store is open in another process or backend
     * @throws io.offlinestore.StorageException if the store cannot be opened
     */
    @Override
    public StorageBackend open(BackendConfig config) {
        Objects.requireNonNull(config, "config");
        MapDbSettings settings = MapDbSettings.from(config);
        return MapDbBackend.open(config.requirePath(NAME), config.databaseName(), config.durability(), settings);
    }
}
