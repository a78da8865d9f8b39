package io.offlinestore.backend.derby;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.StorageBackendContract;
import java.nio.file.Path;
import java.util.Map;

/** The storage SPI conformance suite on the derby backend. */
class DerbyBackendContractTest extends StorageBackendContract {

    @Override
    protected StorageBackend openBackend(Path directory) {
        return new DerbyBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }
}
