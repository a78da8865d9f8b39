package io.offlinestore.backend.h2.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.ArraySortContract;
import java.nio.file.Path;

/** The array sort property on the h2 backend. */
class H2ArraySortTest extends ArraySortContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("h2").path(directory);
    }
}
