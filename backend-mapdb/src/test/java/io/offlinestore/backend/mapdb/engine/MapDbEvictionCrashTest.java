package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.EvictionCrashContract;
import java.nio.file.Path;

/** An eviction pass killed part-way on the mapdb backend. */
class MapDbEvictionCrashTest extends EvictionCrashContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }
}
