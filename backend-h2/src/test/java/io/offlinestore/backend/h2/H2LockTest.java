package io.offlinestore.backend.h2;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.ProcessLockContract;
import java.nio.file.Path;
import java.util.Map;

/** The kit's process-lock check on the h2 backend: one open backend per store directory. */
class H2LockTest extends ProcessLockContract {
    @Override
    protected StorageBackend openBackend(Path directory) {
        return new H2BackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
