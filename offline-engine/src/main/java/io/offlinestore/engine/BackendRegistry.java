package io.offlinestore.engine;

import io.offlinestore.BackendNotFoundException;
import io.offlinestore.ConfigurationException;
import io.offlinestore.StoreOptions;
import io.offlinestore.engine.registry.NamedProviders;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.util.List;

/**
 * The storage backends on the classpath, found with {@code ServiceLoader} and known by name.
 * A provider given in the options is used as it is, without discovery. Two providers with the
 * same name are reported, never silently picked between.
 */
public final class BackendRegistry {
    private static final String KIND = "storage backend";

    private final NamedProviders<StorageBackendProvider> providers;

    /** The providers visible to this class's class loader. */
    public BackendRegistry() {
        this.providers = NamedProviders.discover(KIND, StorageBackendProvider.class, StorageBackendProvider::name);
    }

    /** The given providers (for tests and custom class loaders). */
    public BackendRegistry(Iterable<StorageBackendProvider> found) {
        this.providers = new NamedProviders<>(KIND, found, StorageBackendProvider::name);
    }

    /** The names of the discovered backends, sorted. */
    public List<String> names() {
        return providers.names();
    }

    /**
     * The provider the options name.
     *
     * @throws BackendNotFoundException listing the names found, if none has that name
     * @throws ConfigurationException if several providers share the name
     */
    public StorageBackendProvider provider(StoreOptions options) {
        if (options.backendProvider().isPresent()) {
            return options.backendProvider().get();
        }
        return providers.find(options.backend())
                .orElseThrow(() -> new BackendNotFoundException(options.backend(), names()));
    }

    /** Opens the backend the options name. */
    public StorageBackend open(StoreOptions options) {
        return provider(options).open(options.backendConfig());
    }
}
