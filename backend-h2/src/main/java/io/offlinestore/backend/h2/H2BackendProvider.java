package io.offlinestore.backend.h2;

import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.util.Objects;

/**
 * Provides the {@code h2} backend ({@code offline.backend=h2}): a persistent store on H2's MVStore
 * in {@link BackendConfig#path()}, which is required, in the file {@code <databaseName>.mv.db}.
 * The config's durability is honoured (see {@link H2Backend}) and its settings are read by
 * {@link H2Settings}.
 */
public final class H2BackendProvider implements StorageBackendProvider {
    /** The name this backend is selected by. */
    public static final String NAME = "h2";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws io.offlinestore.ConfigurationException if the config has no path, a bad database name or a bad setting
     * @throws io.offlinestore.StoreLockedException if the store is open in another process or backend
     * @throws io.offlinestore.StorageException if the store cannot be opened
     */
    @Override
    public StorageBackend open(BackendConfig config) {
        Objects.requireNonNull(config, "config");
        H2Settings settings = H2Settings.from(config);
        return H2Backend.open(config.requirePath(NAME), config.databaseName(), config.durability(), settings);
    }
}
