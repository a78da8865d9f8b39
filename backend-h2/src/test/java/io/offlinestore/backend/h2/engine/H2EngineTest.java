package io.offlinestore.backend.h2.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.EngineContract;
import java.nio.file.Path;

/** Every engine contract on the h2 backend. */
class H2EngineTest extends EngineContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("h2").path(directory);
    }
}
