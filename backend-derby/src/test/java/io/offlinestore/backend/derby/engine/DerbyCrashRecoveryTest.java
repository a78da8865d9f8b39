package io.offlinestore.backend.derby.engine;

import io.offlinestore.testkit.crash.CrashRecoveryContract;

/** Whole-store crash recovery (multi-collection transactions, indexes) on the derby backend. */
class DerbyCrashRecoveryTest extends CrashRecoveryContract {
    @Override
    protected String backend() {
        return "derby";
    }
}
