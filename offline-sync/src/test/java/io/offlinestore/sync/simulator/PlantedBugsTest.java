package io.offlinestore.sync.simulator;

import static org.junit.jupiter.api.Assertions.fail;

import io.offlinestore.sync.engine.PlantedBug;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulator earns trust by catching known sync bugs: each test plants one and expects some
 * seed to break an invariant (the seed and the violation are printed).
 */
class PlantedBugsTest {
    private static final int MAX_SEEDS = 60;

    private static void expectCaught(String bug, Set<PlantedBug> bugs, boolean skipDedup) {
        for (long seed = 1; seed <= MAX_SEEDS; seed++) {
            Simulation.Result result = Simulation.run(new Simulation.Config(seed, 5, 500, bugs, skipDedup, false));
            if (!result.ok()) {
                System.out.println("planted bug '" + bug + "' caught by seed " + seed + ": " + result.violations().get(0));
                return;
            }
        }
        fail("planted bug '" + bug + "' went unnoticed by " + MAX_SEEDS + " seeds");
    }

    @Test
    void advancingTheCheckpointBeforeTheLocalCommitIsCaught() {
        expectCaught("checkpoint before commit", Set.of(PlantedBug.CHECKPOINT_BEFORE_COMMIT), false);
    }

    @Test
    void skippingTheDedupTableIsCaught() {
        expectCaught("dedup table skipped", Set.of(), true);
    }

    @Test
    void pushingBeforeTheLocalCommitIsCaught() {
        expectCaught("push before commit", Set.of(PlantedBug.PUSH_BEFORE_COMMIT), false);
    }
}
