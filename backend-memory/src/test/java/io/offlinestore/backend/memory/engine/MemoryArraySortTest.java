package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.ArraySortContract;
import java.nio.file.Path;

/** The array sort property on the memory backend. */
class MemoryArraySortTest extends ArraySortContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
