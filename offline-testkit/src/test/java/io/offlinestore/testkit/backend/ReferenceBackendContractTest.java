package io.offlinestore.testkit.backend;

import io.offlinestore.spi.StorageBackend;
import java.nio.file.Path;
import java.util.Set;

/** The contract passes, every capability included, on a correct backend. */
class ReferenceBackendContractTest extends StorageBackendContract {

    @Override
    protected StorageBackend openBackend(Path directory) {
        return new ReferenceBackend(directory, Set.of());
    }
}
