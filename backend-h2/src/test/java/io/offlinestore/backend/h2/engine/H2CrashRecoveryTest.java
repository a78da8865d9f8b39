package io.offlinestore.backend.h2.engine;

import io.offlinestore.testkit.crash.CrashRecoveryContract;

/** Whole-store crash recovery (multi-collection transactions, indexes) on the h2 backend. */
class H2CrashRecoveryTest extends CrashRecoveryContract {
    @Override
    protected String backend() {
        return "h2";
    }
}
