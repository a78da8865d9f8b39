package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.ChangeTrackingContract;
import java.nio.file.Path;

/** The engine's change tracking contract on the derby backend. */
class DerbyChangeTrackingTest extends ChangeTrackingContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
