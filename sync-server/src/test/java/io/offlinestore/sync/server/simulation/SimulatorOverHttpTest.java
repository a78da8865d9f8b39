package io.offlinestore.sync.server.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.sync.simulator.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The simulator's invariants (each mutation applied once, each client's writes to a document in
 * order, convergence within three rounds, no acknowledged write lost under CLIENT_WINS) re-checked
 * against the real server: the fault layer (lost requests and responses, duplicates, reordered
 * pushes, 5xx, offline clients, client crashes at commit boundaries, server restarts) wraps HTTP to
 * a {@code SyncHttpServer} on PostgreSQL. Fewer seeds than the in-process proof: each is real I/O.
 */
class SimulatorOverHttpTest {
    private static final int SEEDS = Integer.getInteger("sync.sim.http.seeds", 4);
    private static final int OPERATIONS = Integer.getInteger("sync.sim.http.operations", 150);

    @Test
    void everySeedKeepsEveryInvariantAgainstTheRealServer() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            try (PostgresServer server = new PostgresServer()) {
                Simulation.Result result = Simulation.run(new Simulation.Config(seed, 4, OPERATIONS), clock -> server);
                assertTrue(result.ok(), () -> result.report() + "\nfull trace: " + result.saveTrace());
                assertTrue(result.count("push") > 0 && !server.history().isEmpty(), "seed " + seed + " synced nothing");
            }
        }
    }
}
