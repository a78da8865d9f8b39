package io.offlinestore.sync.server.e2e;

import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import java.net.URI;
import java.nio.file.Path;

/**
 * A pulling client in its own JVM: {@code STORE URL TOKEN PAGE_SIZE} syncs collection
 * {@code items} into a mapdb store page by page, printing {@code pulled N} after each committed
 * page and {@code done N} at the end.
 */
public final class PullMain {
    private PullMain() {
    }

    public static void main(String[] args) {
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(Path.of(args[0])).build());
             SyncEngine engine = SyncEngine.create(store, SyncOptions.builder().serverUrl(URI.create(args[1]))
                     .token(args[2]).collections("items").pageSize(Integer.parseInt(args[3])).build())) {
            engine.addProgressListener(progress -> {
                System.out.println("pulled " + progress.pulled());
                System.out.flush();
            });
            SyncResult result = engine.synchronize();
            System.out.println("done " + result);
        }
    }
}
