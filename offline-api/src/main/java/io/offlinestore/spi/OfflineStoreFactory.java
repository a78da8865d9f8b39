package io.offlinestore.spi;

import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;

/**
 * Opens stores; implemented by the engine module and found by {@link OfflineStore#open} with
 * {@code ServiceLoader}, so that the API depends on no implementation.
 */
public interface OfflineStoreFactory {

    /** Opens (creating if needed) the store the options describe. */
    OfflineStore open(StoreOptions options);
}
