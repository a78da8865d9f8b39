package io.offlinestore.backend.memory.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.TransactionContract;
import java.nio.file.Path;

/** The engine's transaction contract on the memory backend. */
class MemoryTransactionTest extends TransactionContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("memory");
    }
}
