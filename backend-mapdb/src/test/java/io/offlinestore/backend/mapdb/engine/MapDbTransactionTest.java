package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.TransactionContract;
import java.nio.file.Path;

/** The engine's transaction contract on the mapdb backend. */
class MapDbTransactionTest extends TransactionContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
