package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.IndexContract;
import java.nio.file.Path;

/** The engine's index contract on the memory backend. */
class MemoryIndexTest extends IndexContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
