package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.IndexContract;
import java.nio.file.Path;

/** The engine's index contract on the derby backend. */
class DerbyIndexTest extends IndexContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
