package io.offlinestore.backend.memory;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.StorageBackendContract;
import java.nio.file.Path;
import java.util.Map;

class MemoryBackendContractTest extends StorageBackendContract {

    @Override
    protected StorageBackend openBackend(Path directory) {
        return new MemoryBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
