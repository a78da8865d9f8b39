package io.offlinestore.engine;

import io.offlinestore.BackendNotFoundException;
import io.offlinestore.ConfigurationException;
import io.offlinestore.StoreOptions;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The storage backends on the classpath, found with {@link ServiceLoader} and known by name.
 * A provider given in the options is used as it is, without discovery. Two providers with the
 * same name are reported, never silently picked between.
 */
public final class BackendRegistry {
    private final Map<String, List<StorageBackendProvider>> providers = new TreeMap<>();

    /** The providers visible to this class's class loader. */
    public BackendRegistry() {
        this(ServiceLoader.load(StorageBackendProvider.class, BackendRegistry.class.getClassLoader()));
    }

    /** The given providers (for tests and custom class loaders). */
    public BackendRegistry(Iterable<StorageBackendProvider> found) {
        for (StorageBackendProvider provider : found) {
            providers.computeIfAbsent(provider.name(), n -> new ArrayList<>()).add(provider);
        }
    }

    /** The names of the discovered backends, sorted. */
    public List<String> names() {
        return List.copyOf(providers.keySet());
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
        List<StorageBackendProvider> named = providers.get(options.backend());
        if (named == null) {
            throw new BackendNotFoundException(options.backend(), names());
        }
        if (named.size() > 1) {
            throw new ConfigurationException("several storage backends are named '" + options.backend() + "': "
                    + named.stream().map(p -> p.getClass().getName()).toList());
        }
        return named.get(0);
    }

    /** Opens the backend the options name. */
    public StorageBackend open(StoreOptions options) {
        return provider(options).open(options.backendConfig());
    }
}
