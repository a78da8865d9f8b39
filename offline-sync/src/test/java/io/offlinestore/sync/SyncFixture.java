package io.offlinestore.sync;

import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.server.InMemorySyncStorage;
import io.offlinestore.sync.server.MutationValidator;
import io.offlinestore.sync.server.SyncServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A sync server in memory and stores on a real backend in a temp dir, closed together. */
final class SyncFixture implements AutoCloseable {
    final InMemorySyncStorage storage = new InMemorySyncStorage();
    final SyncServer server;
    private final String backend;
    private final Path dir;
    private final List<Runnable> open = new ArrayList<>();

    SyncFixture(String backend, Path dir) {
        this(backend, dir, MutationValidator.ACCEPT_ALL);
    }

    SyncFixture(String backend, Path dir, MutationValidator validator) {
        this.backend = backend;
        this.dir = dir;
        this.server = SyncServer.builder(storage).validator(validator).build();
    }

    SyncTransport transport() {
        return SyncTransport.of(server::push, server::pull);
    }

    OfflineStore store(String name) {
        StoreOptions.Builder options = StoreOptions.builder().backend(backend);
        if (!backend.equals("memory")) {
            options.path(dir.resolve(name));
        }
        OfflineStore store = OfflineStore.open(options.build());
        open.add(store::close);
        return store;
    }

    SyncOptions.Builder options(String... collections) {
        return SyncOptions.builder().transport(transport()).collections(collections);
    }

    SyncEngine engine(OfflineStore store, SyncOptions options) {
        SyncEngine engine = SyncEngine.create(store, options);
        open.add(0, engine::close);
        return engine;
    }

    @Override
    public void close() {
        open.forEach(Runnable::run);
    }
}
