package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.testkit.crash.ReencryptionCrashContract;

/** A re-encryption pass killed part-way on the mapdb backend. */
class MapDbReencryptionCrashTest extends ReencryptionCrashContract {
    @Override
    protected String backend() {
        return "mapdb";
    }
}
