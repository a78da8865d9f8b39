package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.TransactionContract;
import java.nio.file.Path;

/** The engine's transaction contract on the derby backend. */
class DerbyTransactionTest extends TransactionContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
