package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.CrashRecoveryContract;
import java.nio.file.Path;

/** Whole-store crash recovery (multi-collection transactions, indexes) on the mapdb backend. */
class MapDbCrashRecoveryTest extends CrashRecoveryContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }
}
