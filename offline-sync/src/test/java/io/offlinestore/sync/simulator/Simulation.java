package io.offlinestore.sync.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Query;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.ConflictStrategy;
import io.offlinestore.sync.ManualClock;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.engine.PlantedBug;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.server.ServerDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One seeded run: N clients write, sync, go offline and die at commit boundaries while every
 * exchange can fail and the server restarts; then the faults stop, every client syncs at most
 * three rounds, and the invariants are checked. Everything random comes from the seed, so a
 * failing seed replays exactly.
 */
public final class Simulation {
    static final int CONVERGENCE_ROUNDS = 3;
    /** Odd seeds purge tombstones after two simulated hours, so clients away longer get RESET. */
    static final Duration TOMBSTONE_RETENTION = Duration.ofHours(2);

    /** What to run. */
    public record Config(long seed, int clients, int operations, Set<PlantedBug> bugs, boolean skipDedup, boolean skewClocks,
                  Path mapdb, boolean manual) {
        public Config(long seed, int clients, int operations) {
            this(seed, clients, operations, Set.of(), false, false, null, false);
        }

        Config(long seed, int clients, int operations, Set<PlantedBug> bugs, boolean skipDedup, boolean skewClocks) {
            this(seed, clients, operations, bugs, skipDedup, skewClocks, null, false);
        }

        /** The same run with every client's store on MapDB files under the directory. */
        Config onMapdb(Path directory) {
            return new Config(seed, clients, operations, bugs, skipDedup, skewClocks, directory, manual);
        }

        /**
         * The same run with the MANUAL strategy: clients resolve their stored conflicts now and then
         * (either side, at random), and take the server's side before each final round.
         */
        Config manually() {
            return new Config(seed, clients, operations, bugs, skipDedup, skewClocks, mapdb, true);
        }

        StoreOptions store(String client) {
            return mapdb == null ? StoreOptions.builder().backend(new DurableMemoryBackend()).build()
                    : StoreOptions.builder().backend("mapdb").path(mapdb.resolve(client)).build();
        }

        ConflictStrategy strategy() {
            return manual ? ConflictStrategy.MANUAL : ConflictStrategy.values()[Math.floorMod(seed, 3)];
        }
    }

    /** What happened. */
    public record Result(Config config, List<String> violations, List<String> trace, Map<String, String> serverState) {
        public boolean ok() {
            return violations.isEmpty();
        }

        /** How many trace events contain the text. */
        public long count(String text) {
            return trace.stream().filter(event -> event.contains(text)).count();
        }

        /** Writes the whole trace to {@code target/sync-simulator/seed-N.log} and returns its path. */
        public Path saveTrace() {
            try {
                Path file = Path.of("target", "sync-simulator", "seed-" + config.seed() + ".log");
                Files.createDirectories(file.getParent());
                Files.write(file, trace);
                return file.toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The seed, the violations and the end of the trace, for a failure message. */
        public String report() {
            int from = Math.max(0, trace.size() - 150);
            return "seed " + config.seed() + " (" + config.strategy() + ", replay with -Dsync.sim.seed=" + config.seed()
                    + ") broke: " + violations + "\ntrace (last " + (trace.size() - from) + " of " + trace.size()
                    + " events):\n  " + String.join("\n  ", trace.subList(from, trace.size()));
        }
    }

    private final Config config;
    private final Random random;
    private final List<String> trace = new ArrayList<>();
    private final ManualClock serverClock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SimulatedServer server;
    private final List<SimClient> clients = new ArrayList<>();

    private Simulation(Config config, Function<ManualClock, SimulatedServer> serverFactory) {
        this.config = config;
        this.random = new Random(config.seed());
        this.server = serverFactory.apply(serverClock);
        Random skews = new Random(config.seed() * 31 + 7);
        for (int i = 0; i < config.clients(); i++) {
            String name = "c" + i;
            Clock clock = config.skewClocks()
                    ? Clock.offset(serverClock, Duration.ofSeconds(skews.nextInt(2 * 86_400 + 1) - 86_400))
                    : serverClock;
            FaultyNetwork network = new FaultyNetwork(name, server::wire, random, this::trace);
            SyncOptions options = SyncOptions.builder().transport(network).collections(SimClient.COLLECTIONS)
                    .conflictStrategy(config.strategy()).batchSize(1 + random.nextInt(16))
                    .pageSize(1 + random.nextInt(16)).clock(clock).build();
            clients.add(new SimClient(name, config.store(name), options, network, config.bugs(), random,
                    this::trace));
        }
    }

    static Result run(Config config) {
        return run(config, clock -> new InProcessServer(config, clock));
    }

    /**
     * Runs against the server the factory makes, given the simulated clock the clients run on.
     * The configuration's {@code skipDedup} and tombstone retention only concern the in-process server.
     */
    public static Result run(Config config, Function<ManualClock, SimulatedServer> serverFactory) {
        Simulation simulation = new Simulation(config, serverFactory);
        try {
            return simulation.execute();
        } finally {
            simulation.clients.forEach(SimClient::close);
        }
    }

    private void trace(String event) {
        trace.add(event);
    }

    private Result execute() {
        clients.forEach(c -> c.chaos(true));
        for (int step = 0; step < config.operations(); step++) {
            serverClock.advance(Duration.ofMinutes(1));
            if (step % 25 == 0) {
                server.purge();
            }
            SimClient client = clients.get(random.nextInt(clients.size()));
            int action = random.nextInt(100);
            if (action < 55) {
                client.write();
            } else if (action < 85) {
                client.sync();
                if (config.manual() && random.nextInt(3) == 0) {
                    client.resolveConflicts(false);
                }
            } else if (action < 92) {
                client.network.offline = !client.network.offline;
                trace(client.name + (client.network.offline ? " goes offline" : " comes online"));
            } else if (action < 97) {
                client.restart("killed between operations");
            } else {
                trace("server restarts");
                server.restart();
            }
        }
        trace("faults stop");
        clients.forEach(c -> c.chaos(false));
        for (int round = 0; round < CONVERGENCE_ROUNDS; round++) {
            for (SimClient client : clients) {
                if (config.manual()) {
                    client.resolveConflicts(true);
                }
                client.sync();
            }
        }
        List<String> violations = new ArrayList<>();
        checkAppliedOnce(violations);
        checkPerDocumentOrder(violations);
        checkConvergence(violations);
        if (config.strategy() == ConflictStrategy.CLIENT_WINS) {
            checkNoAcknowledgedWriteLost(violations);
        }
        return new Result(config, violations, trace, serverState());
    }

    private void checkAppliedOnce(List<String> violations) {
        Set<MutationKey> applied = new HashSet<>();
        for (ServerDocument doc : server.history()) {
            if (!applied.add(doc.writtenBy())) {
                violations.add("mutation " + doc.writtenBy() + " applied twice");
            }
        }
    }

    private void checkPerDocumentOrder(List<String> violations) {
        Map<String, Long> last = new HashMap<>();
        for (ServerDocument doc : server.history()) {
            String lane = doc.writtenBy().clientId() + " " + doc.document();
            Long before = last.put(lane, doc.writtenBy().sequence());
            if (before != null && before >= doc.writtenBy().sequence()) {
                violations.add(nameOf(doc.writtenBy().clientId()) + "'s writes to " + doc.document()
                        + " applied out of order: commit " + before + " then " + doc.writtenBy().sequence()
                        + "; server history of the document: " + server.history().stream()
                        .filter(d -> d.document().equals(doc.document()))
                        .map(d -> "v" + d.version() + " by " + nameOf(d.writtenBy().clientId()) + ":"
                                + d.writtenBy().sequence() + " " + RecordingStorage.body(d)).toList());
            }
        }
    }

    private void checkConvergence(List<String> violations) {
        for (SimClient client : clients) {
            Set<DocumentRef> parked = new HashSet<>();
            for (Conflict conflict : client.engine().conflicts()) {
                parked.add(DocumentRef.of(conflict.collection(), conflict.documentId()));
                if (conflict.kind() != Conflict.Kind.REJECTED || !conflict.local().has("poison")) {
                    violations.add(client.name + " parked " + conflict.id() + " though only rejected poison may wait: "
                            + conflict);
                }
            }
            for (String collection : SimClient.COLLECTIONS) {
                Map<DocumentRef, ObjectNode> local = new TreeMap<>(Simulation::compare);
                for (Document doc : client.store().collection(collection).query(Query.all())) {
                    local.put(DocumentRef.of(collection, doc.id()), doc.toJsonNode());
                }
                Map<DocumentRef, ObjectNode> remote = new TreeMap<>(Simulation::compare);
                server.live(collection).forEach(doc -> remote.put(doc.document(), doc.body()));
                parked.forEach(local::remove);
                parked.forEach(remote::remove);
                if (!local.equals(remote)) {
                    violations.add(client.name + " did not converge on " + collection + " within "
                            + CONVERGENCE_ROUNDS + " rounds: local " + local + " server " + remote);
                }
            }
            int pending = client.engine().status().pending();
            if (pending > parked.size()) {
                violations.add(client.name + " still has " + pending + " documents pending (" + parked.size()
                        + " parked)");
            }
        }
    }

    private void checkNoAcknowledgedWriteLost(List<String> violations) {
        for (SimClient client : clients) {
            Set<DocumentRef> parked = new HashSet<>();
            client.engine().conflicts().forEach(c -> parked.add(DocumentRef.of(c.collection(), c.documentId())));
            client.acknowledged.forEach((ref, state) -> {
                if (parked.contains(ref)) {
                    return;
                }
                ObjectNode body = state.orElse(null);
                boolean everOnServer = server.history().stream().anyMatch(d -> d.document().equals(ref));
                boolean reached = server.history().stream().anyMatch(d -> d.document().equals(ref)
                        && Objects.equals(RecordingStorage.body(d), body));
                if (!reached && (body != null || everOnServer)) {
                    violations.add(client.name + "'s acknowledged write " + ref + " = " + body
                            + " never reached the server");
                }
            });
        }
    }

    private String nameOf(String clientId) {
        return clients.stream().filter(c -> c.engine().clientId().equals(clientId)).map(c -> c.name).findFirst()
                .orElse(clientId);
    }

    private static int compare(DocumentRef a, DocumentRef b) {
        return a.toString().compareTo(b.toString());
    }

    private Map<String, String> serverState() {
        Map<String, String> state = new TreeMap<>();
        for (String collection : SimClient.COLLECTIONS) {
            server.live(collection).forEach(doc -> state.put(doc.document().toString(),
                    doc.version() + " " + doc.body()));
        }
        return state;
    }
}
