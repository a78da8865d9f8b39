package io.offlinestore.backend.h2;

import io.offlinestore.testkit.backend.ProcessLockContract;

/** One open h2 backend per store directory, in this JVM or another process. */
class H2LockTest extends ProcessLockContract {
    @Override
    protected String backend() {
        return H2BackendProvider.NAME;
    }
}
