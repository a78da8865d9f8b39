package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.NeverEvictUnsyncedContract;
import java.nio.file.Path;

/** Eviction never loses a pending change, on the memory backend. */
class MemoryNeverEvictUnsyncedTest extends NeverEvictUnsyncedContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
