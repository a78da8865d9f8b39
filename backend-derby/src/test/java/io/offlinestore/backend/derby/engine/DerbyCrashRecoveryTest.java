package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.CrashRecoveryContract;
import java.nio.file.Path;

/** Whole-store crash recovery (multi-collection transactions, indexes) on the derby backend. */
class DerbyCrashRecoveryTest extends CrashRecoveryContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }
}
