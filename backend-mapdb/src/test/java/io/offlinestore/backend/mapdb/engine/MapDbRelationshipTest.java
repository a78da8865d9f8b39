package io.offlinestore.backend.mapdb.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.testkit.engine.RelationshipContract;
import java.nio.file.Path;

/** The engine's relationship contract on the mapdb backend. */
class MapDbRelationshipTest extends RelationshipContract {
    @Override
    protected StoreOptions.Builder configure(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory);
    }

    @Override
    protected boolean persistent() {
        return true;
    }
}
