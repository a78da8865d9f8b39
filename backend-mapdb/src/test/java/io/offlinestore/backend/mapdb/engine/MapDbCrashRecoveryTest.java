package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.testkit.crash.CrashRecoveryContract;

/** Whole-store crash recovery (multi-collection transactions, indexes) on the mapdb backend. */
class MapDbCrashRecoveryTest extends CrashRecoveryContract {
    @Override
    protected String backend() {
        return "mapdb";
    }
}
