package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.ArraySortContract;
import java.nio.file.Path;

/** The array sort property on the derby backend. */
class DerbyArraySortTest extends ArraySortContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }
}
