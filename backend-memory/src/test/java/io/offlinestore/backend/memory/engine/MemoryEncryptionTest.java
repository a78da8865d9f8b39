package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.EncryptionContract;
import java.nio.file.Path;

/** The engine's encryption contract on the memory backend. */
class MemoryEncryptionTest extends EncryptionContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
