package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.BatchContract;
import java.nio.file.Path;

/** The engine's batch contract on the mapdb backend. */
class MapDbBatchTest extends BatchContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
