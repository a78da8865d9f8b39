package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.QueryContract;
import java.nio.file.Path;

/**
 * The engine's query contract on the mapdb backend. One of its checks opens a second store while
 * the first is still open; on the memory backend every open is a new store, so here every open
 * gets a directory of its own rather than failing on the first store's lock.
 */
class MapDbQueryTest extends QueryContract {
    private int opened;

    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory.resolve("store-" + opened++));
    }
}
