package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.ChangeTrackingContract;
import java.nio.file.Path;

/** The engine's change-tracking contract on the memory backend. */
class MemoryChangeTrackingTest extends ChangeTrackingContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
