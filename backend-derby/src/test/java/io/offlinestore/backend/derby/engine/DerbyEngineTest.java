package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.EngineContract;
import java.nio.file.Path;

/** Every engine contract on the derby backend. */
class DerbyEngineTest extends EngineContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }
}
