package io.offlinestore.backend.mapdb;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.StorageBackendContract;
import java.nio.file.Path;
import java.util.Map;

/** The storage contract on the mapdb backend as configured by default: sync durability, memory-mapped file. */
class MapDbBackendContractTest extends StorageBackendContract {

    @Override
    protected StorageBackend openBackend(Path directory) {
        return new MapDbBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
