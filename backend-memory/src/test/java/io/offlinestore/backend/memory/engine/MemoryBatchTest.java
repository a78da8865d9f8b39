package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.BatchContract;
import java.nio.file.Path;

/** The engine's batch contract on the memory backend. */
class MemoryBatchTest extends BatchContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
