package io.offlinestore.cli;

import io.offlinestore.OfflineStore;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.SyncTransportException;

/**
 * Builds the sync engine the sync commands use: the store's {@code sync.*} settings, with the
 * command line's values over them. Without a server (status, conflicts, resolve), the engine is
 * given a transport that refuses to connect: those commands work on the store alone.
 */
final class SyncSetup {

    private SyncSetup() {
    }

    /** The settings' options, synced collections defaulting to every collection of the store. */
    static SyncOptions.Builder options(OfflineStore store) {
        return SyncOptions.load(store.options());
    }

    /** An engine for the commands that never contact the server. */
    static SyncEngine offline(OfflineStore store) {
        SyncOptions.Builder builder = options(store).transport(SyncTransport.of(request -> {
            throw new SyncTransportException("this command does not contact the server");
        }, request -> {
            throw new SyncTransportException("this command does not contact the server");
        }));
        withCollections(builder, store, null);
        return SyncEngine.create(store, builder.build());
    }

    /** Adds the given collections, or every user collection of the store if none were given or configured. */
    static void withCollections(SyncOptions.Builder builder, OfflineStore store, String[] collections) {
        if (collections != null && collections.length > 0) {
            builder.collections(collections);
        } else if (store.options().settings().get("sync.collections") == null) {
            store.collectionNames().stream().filter(name -> !name.startsWith("_sync_"))
                    .forEach(builder::collections);
        }
    }
}
