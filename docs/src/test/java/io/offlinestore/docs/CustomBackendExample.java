package io.offlinestore.docs;

import io.offlinestore.StoreOptions;
import io.offlinestore.backend.memory.MemoryBackendProvider;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.testkit.backend.StorageBackendContract;
import io.offlinestore.testkit.engine.EngineContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/**
 * The backend guide's code: how a backend proves itself with the conformance kit. Here the
 * memory backend stands in for "your" backend; the kit's suites run as this test's nested classes.
 */
class CustomBackendExample {

    @Nested
    // region backend-contract
    class MyBackendContractTest extends StorageBackendContract {
        @Override
        protected StorageBackend openBackend(Path directory) {
            return new MemoryBackendProvider().open(StoreOptions.builder().backend("memory")
                    .path(directory).build().backendConfig());
        }
    }
    // endregion backend-contract

    @Nested
    // region engine-contract
    class MyBackendEngineTest extends EngineContract {
        @Override
        protected StoreOptions.Builder configure(Path directory) {
            return StoreOptions.builder().backend("memory").path(directory);
        }
    }
    // endregion engine-contract
}
