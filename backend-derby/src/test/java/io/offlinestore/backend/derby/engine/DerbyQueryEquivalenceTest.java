package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.QueryEquivalenceContract;
import java.nio.file.Path;

/** The engine's query equivalence contract on the derby backend. */
class DerbyQueryEquivalenceTest extends QueryEquivalenceContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
