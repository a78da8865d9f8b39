package io.offlinestore.sync.server.e2e;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import java.net.URI;
import java.nio.file.Path;

/**
 * A client in its own JVM: {@code STORE URL TOKEN PREFIX COUNT} writes COUNT documents
 * {@code PREFIX-i} into a mapdb store (skipping those it already has), then syncs until nothing is
 * pending, and prints how many documents of the collection it holds.
 */
public final class ClientMain {
    private ClientMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[4]);
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(Path.of(args[0])).build());
             SyncEngine engine = SyncEngine.create(store, SyncOptions.builder().serverUrl(URI.create(args[1]))
                     .token(args[2]).collections("items").build())) {
            for (int i = 0; i < count; i++) {
                String id = args[3] + "-" + i;
                if (store.collection("items").get(id).isEmpty()) {
                    store.collection("items").create(Document.parse("{\"id\":\"" + id + "\",\"n\":" + i + "}"));
                }
            }
            for (int attempt = 0; attempt < 120; attempt++) {
                SyncResult result = engine.synchronize();
                if (result.ok() && engine.status().pending() == 0) {
                    break;
                }
                Thread.sleep(500);
            }
            System.out.println("pending " + engine.status().pending() + " holds " + store.collection("items").count());
        }
    }
}
