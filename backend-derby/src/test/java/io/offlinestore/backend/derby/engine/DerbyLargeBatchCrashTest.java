package io.offlinestore.backend.derby.engine;

import io.offlinestore.testkit.crash.LargeBatchCrashContract;

/** One batch of tens of megabytes, killed while it is applied, on the derby backend. */
class DerbyLargeBatchCrashTest extends LargeBatchCrashContract {
    @Override
    protected String backend() {
        return "derby";
    }
}
