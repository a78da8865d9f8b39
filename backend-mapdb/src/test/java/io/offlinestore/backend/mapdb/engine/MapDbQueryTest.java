package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.QueryContract;
import java.nio.file.Path;

/** The engine's query contract on the mapdb backend. */
class MapDbQueryTest extends QueryContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
