package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.EvictionCrashContract;
import java.nio.file.Path;

/** An eviction pass killed part-way on the derby backend. */
class DerbyEvictionCrashTest extends EvictionCrashContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }
}
