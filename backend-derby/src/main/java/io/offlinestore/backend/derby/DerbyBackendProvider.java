package io.offlinestore.backend.derby;

import io.offlinestore.ConfigurationException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Provides the {@code derby} backend ({@code offline.backend=derby}): a {@link DerbyBackend} on
 * the embedded Derby database {@code <path>/<databaseName>.derby}, created on first open. The
 * path is required; the durability is honoured as described on {@link DerbyBackend}; there are no
 * backend-specific settings.
 *
 * <p>Loading this class points Derby's log at SLF4J, JVM-wide, before any Derby engine can boot
 * through it (see {@link DerbyLog}).
 */
public final class DerbyBackendProvider implements StorageBackendProvider {
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    static {
        DerbyLog.install();
    }

    @Override
    public String name() {
        return "derby";
    }

    /**
     * @throws ConfigurationException if the config has no path, or a database name other than 1
     *                                to 64 letters, digits, {@code _} or {@code -}
     * @throws io.offlinestore.StoreLockedException if the path is open in another store
     * @throws io.offlinestore.StorageException if the database cannot be created or booted
     */
    @Override
    public StorageBackend open(BackendConfig config) {
        Objects.requireNonNull(config, "config");
        Path path = config.requirePath(name());
        if (!DATABASE_NAME.matcher(config.databaseName()).matches()) {
            throw new ConfigurationException("database name '" + config.databaseName()
                    + "' must be 1 to 64 letters, digits, '_' or '-'");
        }
        return DerbyBackend.open(path, config.databaseName());
    }
}
