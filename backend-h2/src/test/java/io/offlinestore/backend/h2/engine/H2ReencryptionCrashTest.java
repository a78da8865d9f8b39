package io.offlinestore.backend.h2.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.ReencryptionCrashContract;
import java.nio.file.Path;

/** A re-encryption pass killed part-way on the h2 backend. */
class H2ReencryptionCrashTest extends ReencryptionCrashContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("h2").path(directory);
    }
}
