package io.offlinestore.testkit.backend;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

/** Opens a backend found by {@link ServiceLoader} under its name, for checks that run in child JVMs. */
public final class NamedBackends {
    private NamedBackends() {
    }

    /**
     * Opens the backend named {@code backend} at {@code path} with default settings.
     *
     * @throws ConfigurationException if no provider of that name is on the class path
     */
    public static StorageBackend open(String backend, Path path, String databaseName, Durability durability) {
        StorageBackendProvider provider = ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(found -> found.name().equals(backend))
                .findFirst()
                .orElseThrow(() -> new ConfigurationException("no backend named '" + backend + "' on the class path"));
        return provider.open(new BackendConfig(path, databaseName, durability, Map.of()));
    }
}
