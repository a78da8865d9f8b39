package io.offlinestore.sync.simulator;

import io.offlinestore.sync.ManualClock;
import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.server.ServerDocument;
import io.offlinestore.sync.server.SyncServer;
import java.util.List;
import java.util.Optional;

/**
 * The core's {@link SyncServer} in this JVM on a {@link RecordingStorage}, on the simulation's
 * clock; odd seeds purge tombstones after {@link Simulation#TOMBSTONE_RETENTION}, and documents
 * carrying a {@code poison} field are rejected.
 */
final class InProcessServer implements SimulatedServer {
    private final Simulation.Config config;
    private final ManualClock clock;
    private final RecordingStorage storage;
    private SyncServer server;

    InProcessServer(Simulation.Config config, ManualClock clock) {
        this.config = config;
        this.clock = clock;
        this.storage = new RecordingStorage(config.skipDedup());
        this.server = newServer();
    }

    private SyncServer newServer() {
        SyncServer.Builder builder = SyncServer.builder(storage).clock(clock)
                .validator(m -> m.body() != null && m.body().has("poison") ? Optional.of("poison") : Optional.empty());
        if (config.seed() % 2 == 1) {
            builder.tombstoneRetention(Simulation.TOMBSTONE_RETENTION);
        }
        return builder.build();
    }

    @Override
    public SyncTransport wire() {
        SyncServer current = server;
        return SyncTransport.of(current::push, current::pull);
    }

    @Override
    public void restart() {
        server = newServer();
    }

    @Override
    public void purge() {
        server.purge();
    }

    @Override
    public List<ServerDocument> history() {
        return storage.history();
    }

    @Override
    public List<ServerDocument> live(String collection) {
        return storage.live(collection);
    }
}
