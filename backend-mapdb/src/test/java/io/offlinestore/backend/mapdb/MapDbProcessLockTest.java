package io.offlinestore.backend.mapdb;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.ProcessLockContract;
import java.nio.file.Path;
import java.util.Map;

/** The kit's process-lock check on the mapdb backend. */
class MapDbProcessLockTest extends ProcessLockContract {
    @Override
    protected StorageBackend openBackend(Path directory) {
        return new MapDbBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
