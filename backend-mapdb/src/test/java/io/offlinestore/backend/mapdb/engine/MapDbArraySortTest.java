package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.ArraySortContract;
import java.nio.file.Path;

/** The array sort property on the mapdb backend. */
class MapDbArraySortTest extends ArraySortContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }
}
