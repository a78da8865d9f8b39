package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.BadInputFuzzContract;
import java.nio.file.Path;

/** The seeded bad-input fuzz run on the memory backend: 100,000 filters over 10,000 documents, in 200 rounds. */
class MemoryBadInputFuzzTest extends BadInputFuzzContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
