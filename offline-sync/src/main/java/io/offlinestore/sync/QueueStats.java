package io.offlinestore.sync;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the queue.
 *
 * @param counts how many operations are in each status (every status present, zero included)
 * @param oldestPendingAge how long the oldest pending operation has waited, if any is pending
 * @param payloadBytes the total size of the stored payloads
 * @param pendingWithoutHandler pending operations whose type has no registered handler, per type
 * @param blocked pending operations held back by a failed operation ahead of them in their lane
 */
public record QueueStats(Map<Operation.Status, Long> counts, Optional<Duration> oldestPendingAge, long payloadBytes,
        Map<String, Long> pendingWithoutHandler, long blocked) {

    public QueueStats {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        pendingWithoutHandler = Map.copyOf(pendingWithoutHandler);
    }

    /** How many operations are in this status. */
    public long count(Operation.Status status) {
        return counts.getOrDefault(status, 0L);
    }

    /** How many operations are stored, in any status. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
