package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.ChangeTrackingContract;
import java.nio.file.Path;

/** The engine's change tracking contract on the mapdb backend. */
class MapDbChangeTrackingTest extends ChangeTrackingContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
