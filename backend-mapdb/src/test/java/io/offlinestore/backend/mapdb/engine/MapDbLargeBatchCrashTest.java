package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.testkit.crash.LargeBatchCrashContract;

/** One batch of tens of megabytes, killed while it is applied, on the mapdb backend. */
class MapDbLargeBatchCrashTest extends LargeBatchCrashContract {
    @Override
    protected String backend() {
        return "mapdb";
    }
}
