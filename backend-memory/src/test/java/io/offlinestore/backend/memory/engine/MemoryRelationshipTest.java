package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.RelationshipContract;
import java.nio.file.Path;

/** The engine's relationship contract on the memory backend. */
class MemoryRelationshipTest extends RelationshipContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
