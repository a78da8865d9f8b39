package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.CrudContract;
import java.nio.file.Path;

/**
 * A contract subclassed on its own, as backends did before {@code EngineContract}: it must keep
 * running (deprecated, not broken).
 */
@SuppressWarnings("deprecation")
class MemoryLegacyCrudTest extends CrudContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
