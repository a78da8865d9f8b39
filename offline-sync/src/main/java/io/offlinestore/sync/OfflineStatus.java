package io.offlinestore.sync;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A summary of the offline state for a UI: whether the application is online, how much waits in
 * the queue, and when it last and next runs.
 *
 * @param online whether the connectivity monitor reports online
 * @param pendingCount operations waiting to run
 * @param failedCount operations that failed for good and wait for a retry or cancellation
 * @param lastSuccessfulRun when an operation last completed (since the queue was opened)
 * @param nextAttempt the earliest time a pending operation may run, if any is pending
 * @param pendingDescriptions short descriptions of the oldest pending operations, for people
 */
public record OfflineStatus(boolean online, long pendingCount, long failedCount, Optional<Instant> lastSuccessfulRun,
        Optional<Instant> nextAttempt, List<String> pendingDescriptions) {
    /** How many pending operations {@link #of} describes at most. */
    public static final int DESCRIBED = 20;

    public OfflineStatus {
        pendingDescriptions = List.copyOf(pendingDescriptions);
    }

    /** The current status of a queue and a monitor. */
    public static OfflineStatus of(OperationQueue queue, ConnectivityMonitor monitor) {
        QueueStats stats = queue.stats();
        List<Operation> pending = queue.pending();
        Optional<Instant> next = pending.stream().map(Operation::nextAttemptAt).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        List<String> descriptions = pending.stream().limit(DESCRIBED).map(OfflineStatus::describe).toList();
        return new OfflineStatus(monitor.isOnline(), stats.count(Operation.Status.PENDING),
                stats.count(Operation.Status.FAILED), queue.lastSuccessAt(), next, descriptions);
    }

    /** "upload (order:456): waiting", or "push: 2 attempts failed, last: 503 Service Unavailable". */
    private static String describe(Operation operation) {
        String what = operation.type() + operation.key().map(key -> " (" + key + ")").orElse("");
        if (operation.attempts() == 0) {
            return what + ": waiting";
        }
        return what + ": " + operation.attempts() + (operation.attempts() == 1 ? " attempt" : " attempts") + " failed"
                + operation.lastError().map(error -> ", last: " + error).orElse("");
    }
}
