package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.EncryptionContract;
import java.nio.file.Path;

/** The engine's encryption contract on the derby backend. */
class DerbyEncryptionTest extends EncryptionContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
