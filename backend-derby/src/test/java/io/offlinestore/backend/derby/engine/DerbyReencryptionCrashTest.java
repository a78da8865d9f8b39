package io.offlinestore.backend.derby.engine;

import io.offlinestore.testkit.crash.ReencryptionCrashContract;

/** A re-encryption pass killed part-way on the derby backend. */
class DerbyReencryptionCrashTest extends ReencryptionCrashContract {
    @Override
    protected String backend() {
        return "derby";
    }
}
