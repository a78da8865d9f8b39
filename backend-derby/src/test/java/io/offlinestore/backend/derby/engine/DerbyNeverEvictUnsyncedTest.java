package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.NeverEvictUnsyncedContract;
import java.nio.file.Path;

/** Eviction never loses a pending change, on the derby backend. */
class DerbyNeverEvictUnsyncedTest extends NeverEvictUnsyncedContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }
}
