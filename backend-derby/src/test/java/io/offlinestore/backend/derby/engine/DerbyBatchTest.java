package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.BatchContract;
import java.nio.file.Path;

/** The engine's batch contract on the derby backend. */
class DerbyBatchTest extends BatchContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
