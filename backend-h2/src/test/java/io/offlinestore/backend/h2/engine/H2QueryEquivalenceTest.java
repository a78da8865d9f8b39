package io.offlinestore.backend.h2.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.QueryEquivalenceContract;
import java.nio.file.Path;

/** The engine's query equivalence contract on the h2 backend. */
class H2QueryEquivalenceTest extends QueryEquivalenceContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("h2").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
