package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.crash.ReencryptionCrashContract;
import java.nio.file.Path;

/** A re-encryption pass killed part-way on the derby backend. */
class DerbyReencryptionCrashTest extends ReencryptionCrashContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }
}
