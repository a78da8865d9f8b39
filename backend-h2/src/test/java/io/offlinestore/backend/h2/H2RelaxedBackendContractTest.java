package io.offlinestore.backend.h2;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.StorageBackendContract;
import java.nio.file.Path;
import java.util.Map;

/**
 * The storage contract on the h2 backend with relaxed durability, compressed pages and no page
 * cache, so that every read of a page that left memory goes back to the file.
 */
class H2RelaxedBackendContractTest extends StorageBackendContract {

    @Override
    protected StorageBackend openBackend(Path directory) {
        return new H2BackendProvider().open(new BackendConfig(directory, "test", Durability.RELAXED,
                Map.of(H2Settings.COMPRESS, "fast", H2Settings.CACHE_SIZE, "0")));
    }
}
