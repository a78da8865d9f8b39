package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.QueryEquivalenceContract;
import java.nio.file.Path;

/** The engine's query equivalence contract on the memory backend. */
class MemoryQueryEquivalenceTest extends QueryEquivalenceContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
