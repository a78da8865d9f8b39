package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.QueryContract;
import java.nio.file.Path;

/** The engine's query contract on the memory backend. */
class MemoryQueryTest extends QueryContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
