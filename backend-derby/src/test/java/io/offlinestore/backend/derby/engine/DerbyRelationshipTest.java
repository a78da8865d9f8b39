package io.offlinestore.backend.derby.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.RelationshipContract;
import java.nio.file.Path;

/** The engine's relationship contract on the derby backend. */
class DerbyRelationshipTest extends RelationshipContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("derby").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
