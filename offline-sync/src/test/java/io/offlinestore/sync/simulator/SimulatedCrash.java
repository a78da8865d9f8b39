package io.offlinestore.sync.simulator;

/** Thrown by the simulator at a commit boundary: the client process dies there. */
final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
        super("simulated crash " + where, null, false, false);
    }
}
