package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.NeverEvictUnsyncedContract;
import java.nio.file.Path;

/** Eviction never loses a pending change, on the mapdb backend. */
class MapDbNeverEvictUnsyncedTest extends NeverEvictUnsyncedContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }
}
