package io.offlinestore.backend.h2.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.CrashRecoveryContract;
import java.nio.file.Path;

/** Whole-store crash recovery (multi-collection transactions, indexes) on the h2 backend. */
class H2CrashRecoveryTest extends CrashRecoveryContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("h2").path(directory);
    }
}
