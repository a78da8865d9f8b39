package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.QueryEquivalenceContract;
import java.nio.file.Path;

/** The engine's query equivalence contract on the mapdb backend. */
class MapDbQueryEquivalenceTest extends QueryEquivalenceContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
