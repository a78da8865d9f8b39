package io.offlinestore.sync.queue.internal;

import io.offlinestore.sync.Operation;
import io.offlinestore.sync.Operation.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which active operations may run now, decided from a snapshot of the queue: the head of each
 * lane (operations sharing a key; an operation without a key is a lane of its own), if pending,
 * due, unexpired, with a handler and with its dependencies completed; in priority order, then age.
 * A failed head parks its lane.
 *
 * @param ready the operations to run, in order
 * @param expired pending operations whose expiry has passed
 * @param brokenDependencies pending operations a dependency of which was cancelled or expired, with its id
 * @param blocked pending operations parked behind a failed one in their lane
 */
record RunPlan(List<Operation> ready, List<Operation> expired, Map<Operation, String> brokenDependencies, long blocked) {
    private static final Comparator<Operation> ORDER = Comparator.comparingInt(Operation::priority).reversed()
            .thenComparingLong(Operation::sequence);

    /**
     * Plans over the active operations (pending, in progress and failed), sorted by sequence.
     *
     * @param statusOf the status of an operation not in {@code active} (a completed dependency),
     *     or null when it is no longer stored, which counts as done
     * @param runnable whether an operation may be attempted in this run (has a handler, was not yet tried)
     */
    static RunPlan of(List<Operation> active, Instant now, Function<String, Status> statusOf, Predicate<Operation> runnable) {
        Map<String, Operation> byId = new HashMap<>();
        Map<String, Operation> laneHeads = new HashMap<>();
        for (Operation operation : active) {
            byId.put(operation.id(), operation);
            operation.key().ifPresent(key -> laneHeads.putIfAbsent(key, operation));
        }
        List<Operation> ready = new ArrayList<>();
        List<Operation> expired = new ArrayList<>();
        Map<Operation, String> broken = new HashMap<>();
        long blocked = 0;
        for (Operation operation : active) {
            if (operation.status() != Status.PENDING) {
                continue;
            }
            if (operation.expiresAt().map(at -> !at.isAfter(now)).orElse(false)) {
                expired.add(operation);
                continue;
            }
            Operation head = operation.key().map(laneHeads::get).orElse(operation);
            if (head != operation) {
                blocked += head.status() == Status.FAILED ? 1 : 0;
                continue;
            }
            String brokenBy = null;
            boolean waiting = false;
            for (String dependency : operation.dependsOn()) {
                Operation inQueue = byId.get(dependency);
                Status status = inQueue != null ? inQueue.status() : statusOf.apply(dependency);
                if (status == Status.CANCELLED || status == Status.EXPIRED) {
                    brokenBy = dependency + " was " + status;
                } else if (status != null && status != Status.COMPLETED) {
                    waiting = true;
                }
            }
            if (brokenBy != null) {
                broken.put(operation, brokenBy);
            } else if (!waiting && !operation.nextAttemptAt().map(now::isBefore).orElse(false) && runnable.test(operation)) {
                ready.add(operation);
            }
        }
        ready.sort(ORDER);
        return new RunPlan(List.copyOf(ready), List.copyOf(expired), Map.copyOf(broken), blocked);
    }

    /** Whether there is nothing to do. */
    boolean isEmpty() {
        return ready.isEmpty() && expired.isEmpty() && brokenDependencies.isEmpty();
    }

    /** The statuses a plan looks at. */
    static final Set<Status> ACTIVE = Set.of(Status.PENDING, Status.IN_PROGRESS, Status.FAILED);
}
