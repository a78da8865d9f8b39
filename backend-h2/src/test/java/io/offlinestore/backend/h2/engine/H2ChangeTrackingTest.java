package io.offlinestore.backend.h2.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.ChangeTrackingContract;
import java.nio.file.Path;

/** The engine's change tracking contract on the h2 backend. */
class H2ChangeTrackingTest extends ChangeTrackingContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("h2").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
