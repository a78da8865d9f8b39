package io.offlinestore.sync;

import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import java.nio.file.Path;

/** Opens the stores the tests use: real backends, on files in the test's temporary directory. */
final class Stores {
    private Stores() {
    }

    static OfflineStore memory() {
        return OfflineStore.open(StoreOptions.builder().backend("memory").build());
    }

    static StoreOptions mapdbOptions(Path directory) {
        return StoreOptions.builder().backend("mapdb").path(directory.resolve("store"))
                .collection(QueueOptions.collectionSchema(QueueOptions.DEFAULT_COLLECTION)).build();
    }

    static OfflineStore mapdb(Path directory) {
        return OfflineStore.open(mapdbOptions(directory));
    }
}
