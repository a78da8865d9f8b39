package io.offlinestore.backend.mapdb;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.StorageBackendContract;
import java.nio.file.Path;
import java.util.Map;

/**
 * The storage contract on the mapdb backend with relaxed durability, where reads go through the
 * pages held back from the file, and with the file read through a file channel instead of mapped.
 */
class MapDbRelaxedBackendContractTest extends StorageBackendContract {

    @Override
    protected StorageBackend openBackend(Path directory) {
        return new MapDbBackendProvider().open(new BackendConfig(directory, "test", Durability.RELAXED,
                Map.of(MapDbSettings.MMAP, "false")));
    }
}
