package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.CrudContract;
import java.nio.file.Path;

/** The engine's crud contract on the memory backend. */
class MemoryCrudTest extends CrudContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
