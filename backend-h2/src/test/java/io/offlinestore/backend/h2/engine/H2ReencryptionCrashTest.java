package io.offlinestore.backend.h2.engine;

import io.offlinestore.testkit.crash.ReencryptionCrashContract;

/** A re-encryption pass killed part-way on the h2 backend. */
class H2ReencryptionCrashTest extends ReencryptionCrashContract {
    @Override
    protected String backend() {
        return "h2";
    }
}
