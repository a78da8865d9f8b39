package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.EngineContract;
import java.nio.file.Path;

/** Every engine contract on the memory backend. */
class MemoryEngineTest extends EngineContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
