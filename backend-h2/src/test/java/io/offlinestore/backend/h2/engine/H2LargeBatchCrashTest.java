package io.offlinestore.backend.h2.engine;

import io.offlinestore.testkit.crash.LargeBatchCrashContract;

/** One batch of tens of megabytes, killed while it is applied, on the h2 backend. */
class H2LargeBatchCrashTest extends LargeBatchCrashContract {
    @Override
    protected String backend() {
        return "h2";
    }
}
