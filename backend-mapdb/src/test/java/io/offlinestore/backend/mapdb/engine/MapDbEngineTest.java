package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.EngineContract;
import java.nio.file.Path;

/** Every engine contract on the mapdb backend. */
class MapDbEngineTest extends EngineContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }
}
