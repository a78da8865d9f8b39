package io.offlinestore.backend.h2.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.EvictionCrashContract;
import java.nio.file.Path;

/** An eviction pass killed part-way on the h2 backend. */
class H2EvictionCrashTest extends EvictionCrashContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("h2").path(directory);
    }
}
