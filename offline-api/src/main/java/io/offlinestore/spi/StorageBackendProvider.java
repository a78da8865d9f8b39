package io.offlinestore.spi;

/**
 * Creates a {@link StorageBackend} by name. Implementations are listed in
 * {@code META-INF/services/io.offlinestore.spi.StorageBackendProvider} and picked by the
 * {@code offline.backend} option, or passed to the store options directly.
 */
public interface StorageBackendProvider {

    /** The name users select this backend by, e.g. {@code "memory"}; lowercase, unique. */
    String name();

    /**
     * Opens (creating if needed) the backend described by the config.
     *
     * @throws io.offlinestore.ConfigurationException if the config lacks what this backend needs
     * @throws io.offlinestore.StorageException if the storage cannot be opened
     */
    StorageBackend open(BackendConfig config);
}
