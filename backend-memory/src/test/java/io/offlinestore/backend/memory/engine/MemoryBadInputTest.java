package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.BadInputContract;
import java.nio.file.Path;

/** The engine's bad-input contract on the memory backend. */
class MemoryBadInputTest extends BadInputContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
