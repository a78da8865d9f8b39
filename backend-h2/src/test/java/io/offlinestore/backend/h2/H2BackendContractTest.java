package io.offlinestore.backend.h2;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.StorageBackendContract;
import java.nio.file.Path;
import java.util.Map;

/** The storage contract on the h2 backend as configured by default: sync durability, no compression. */
class H2BackendContractTest extends StorageBackendContract {

    @Override
    protected StorageBackend openBackend(Path directory) {
        return new H2BackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
