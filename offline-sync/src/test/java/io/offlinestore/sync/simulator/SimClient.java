package io.offlinestore.sync.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.Transaction;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.Resolution;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.engine.CommitPoint;
import io.offlinestore.sync.engine.EngineHooks;
import io.offlinestore.sync.engine.PlantedBug;
import io.offlinestore.sync.engine.SyncClient;
import io.offlinestore.sync.protocol.DocumentRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One simulated device: a store on a durable backend (a {@link DurableMemoryBackend} "disk", or
 * MapDB files), its sync engine, and
 * the application writing to it. While chaos is on, the process can die at any commit
 * boundary of the engine or the application; it then restarts from its disk.
 */
final class SimClient implements EngineHooks {
    static final String[] COLLECTIONS = {"users", "orders"};
    private static final int IDS = 8;

    final String name;
    final FaultyNetwork network;
    /** The last acknowledged (committed) local state of each document the application wrote; null body = deleted. */
    final Map<DocumentRef, Optional<ObjectNode>> acknowledged = new HashMap<>();
    private final StoreOptions storeOptions;
    private final SyncOptions options;
    private final Set<PlantedBug> bugs;
    private final Random random;
    private final Consumer<String> trace;
    private OfflineStore store;
    private SyncClient engine;
    private boolean killable;
    private int writes;

    SimClient(String name, StoreOptions storeOptions, SyncOptions options, FaultyNetwork network,
              Set<PlantedBug> bugs, Random random, Consumer<String> trace) {
        this.name = name;
        this.storeOptions = storeOptions;
        this.options = options;
        this.network = network;
        this.bugs = bugs;
        this.random = random;
        this.trace = trace;
        open();
    }

    private void open() {
        boolean wasKillable = killable;
        killable = false;
        store = OfflineStore.open(storeOptions);
        engine = new SyncClient(store, options, this);
        killable = wasKillable;
    }

    void restart(String why) {
        trace.accept(name + " restarts (" + why + ")");
        engine.close();
        store.close();
        open();
    }

    void chaos(boolean on) {
        killable = on;
        network.chaos = on;
        if (!on) {
            network.offline = false;
        }
    }

    OfflineStore store() {
        return store;
    }

    SyncClient engine() {
        return engine;
    }

    @Override
    public void beforeCommit(CommitPoint point) {
        maybeDie("before " + point);
    }

    @Override
    public void afterCommit(CommitPoint point) {
        maybeDie("after " + point);
    }

    private void maybeDie(String where) {
        if (killable && random.nextInt(60) == 0) {
            throw new SimulatedCrash(where);
        }
    }

    @Override
    public boolean planted(PlantedBug bug) {
        return bugs.contains(bug);
    }

    void sync() {
        try {
            var result = engine.synchronize();
            trace.accept(name + " sync: pushed " + result.pushed() + " pulled " + result.pulled() + " conflicts "
                    + result.conflicts() + (result.ok() ? "" : " errors " + result.errors()));
        } catch (SimulatedCrash crash) {
            restart(crash.getMessage());
        }
    }

    /**
     * Settles the stored concurrent-change conflicts (rejections stay parked): the server's side
     * when told, else either side at random.
     */
    void resolveConflicts(boolean keepRemote) {
        try {
            for (Conflict conflict : engine.conflicts()) {
                if (conflict.kind() == Conflict.Kind.REJECTED) {
                    continue;
                }
                Resolution resolution = keepRemote || random.nextBoolean() ? Resolution.keepRemote()
                        : Resolution.keepLocal();
                trace.accept(name + " resolves " + conflict.id() + ": " + resolution);
                engine.resolveConflict(conflict.id(), resolution);
            }
        } catch (SimulatedCrash crash) {
            restart(crash.getMessage());
        }
    }

    /** One application transaction of one to three writes. */
    void write() {
        int count = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
        Map<DocumentRef, Boolean> touched = new HashMap<>();
        StringBuilder what = new StringBuilder(name).append(" writes");
        try (Transaction tx = store.beginTransaction()) {
            for (int i = 0; i < count; i++) {
                String collection = COLLECTIONS[random.nextInt(COLLECTIONS.length)];
                String id = "d" + random.nextInt(IDS);
                DocumentRef ref = DocumentRef.of(collection, id);
                if (touched.putIfAbsent(ref, true) != null) {
                    continue;
                }
                var docs = tx.collection(collection);
                boolean exists = docs.get(id).isPresent();
                int op = random.nextInt(10);
                String stamp = name + "-" + (++writes);
                if (exists && op < 2) {
                    docs.delete(id);
                    what.append(" delete ").append(ref);
                } else if (exists && op < 6) {
                    docs.patch(id, Document.parse("{\"f" + random.nextInt(3) + "\":\"" + stamp + "\",\"w\":\""
                            + stamp + "\"}"));
                    what.append(" patch ").append(ref);
                } else {
                    Document doc = Document.parse("{\"id\":\"" + id + "\",\"w\":\"" + stamp + "\",\"f0\":"
                            + random.nextInt(100) + "}");
                    if (random.nextInt(100) == 0) {
                        doc = doc.with("poison", true);
                    }
                    docs.put(doc);
                    what.append(" put ").append(ref);
                }
            }
            if (killable && random.nextInt(30) == 0) {
                trace.accept(what + ": killed before commit");
                tx.rollback();
                restart("killed before the application's commit");
                return;
            }
            tx.commit();
        }
        trace.accept(what.toString());
        for (DocumentRef ref : touched.keySet()) {
            acknowledged.put(ref, store.collection(ref.collection()).get(ref.javaId()).map(Document::toJsonNode));
        }
        if (killable && random.nextInt(30) == 0) {
            restart("killed after the application's commit");
        }
    }

    void close() {
        engine.close();
        store.close();
    }
}
