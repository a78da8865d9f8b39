package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.StoreManagementContract;
import java.nio.file.Path;

/** The engine's store management contract on the mapdb backend. */
class MapDbStoreManagementTest extends StoreManagementContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
