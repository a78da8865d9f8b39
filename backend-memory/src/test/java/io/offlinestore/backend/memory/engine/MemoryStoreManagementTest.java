package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.StoreManagementContract;
import java.nio.file.Path;

/** The engine's store-management contract on the memory backend. */
class MemoryStoreManagementTest extends StoreManagementContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
