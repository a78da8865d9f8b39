package io.offlinestore.backend.derby;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.ProcessLockContract;
import java.nio.file.Path;
import java.util.Map;

/** The kit's process-lock check on the derby backend. */
class DerbyProcessLockTest extends ProcessLockContract {
    @Override
    protected StorageBackend openBackend(Path directory) {
        return new DerbyBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
