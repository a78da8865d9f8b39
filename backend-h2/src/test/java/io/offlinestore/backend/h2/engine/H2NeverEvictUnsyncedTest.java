package io.offlinestore.backend.h2.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.NeverEvictUnsyncedContract;
import java.nio.file.Path;

/** Eviction never loses a pending change, on the h2 backend. */
class H2NeverEvictUnsyncedTest extends NeverEvictUnsyncedContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("h2").path(directory);
    }
}
