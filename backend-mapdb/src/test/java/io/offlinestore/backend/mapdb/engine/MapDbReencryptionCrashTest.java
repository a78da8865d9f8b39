package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.ReencryptionCrashContract;
import java.nio.file.Path;

/** A re-encryption pass killed part-way on the mapdb backend. */
class MapDbReencryptionCrashTest extends ReencryptionCrashContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }
}
