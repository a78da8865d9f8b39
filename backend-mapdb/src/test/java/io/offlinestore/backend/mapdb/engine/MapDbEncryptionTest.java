package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.EncryptionContract;
import java.nio.file.Path;

/** The engine's encryption contract on the mapdb backend. */
class MapDbEncryptionTest extends EncryptionContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
