package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.StoreManagementContract;
import java.nio.file.Path;

/** The engine's store management contract on the derby backend. */
class DerbyStoreManagementTest extends StoreManagementContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
