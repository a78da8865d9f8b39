package io.offlinestore.sync.queue.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.sync.InvalidOperationException;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.Operation.Fields;
import io.offlinestore.sync.Operation.Status;
import io.offlinestore.sync.OperationStateException;
import io.offlinestore.sync.Outcome;
import io.offlinestore.sync.QueueOptions;
import io.offlinestore.sync.UnknownOperationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The queue's documents: reading them by status, and every change of an operation's status, each
 * a read-check-write in one transaction so that a crash leaves each operation in one whole state
 * and a concurrent change is noticed.
 */
final class OperationRecords {
    private final OfflineStore store;
    private final QueueOptions options;
    private final Backoff backoff;

    OperationRecords(OfflineStore store, QueueOptions options) {
        this.store = store;
        this.options = options;
        this.backoff = new Backoff(options.backoff(), options.random());
    }

    DocumentCollection collection() {
        return store.collection(options.collection());
    }

    Instant now() {
        return options.clock().instant();
    }

    static Filter statusIs(Status status) {
        return Filters.where(Fields.STATUS).eq(status.name());
    }

    long lastSequence() {
        return collection().query(Query.all().sort(Fields.SEQUENCE, Direction.DESC).limit(1)).stream()
                .findFirst().map(d -> d.getLong(Fields.SEQUENCE)).orElse(0L);
    }

    Optional<Operation> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return collection().get(id).map(Operation::fromDocument);
    }

    List<Operation> list(Status status, int limit) {
        Objects.requireNonNull(status, "status");
        if (limit < 0) {
            throw new InvalidOperationException("limit must not be negative, got " + limit);
        }
        return collection().query(Query.filter(statusIs(status)).sort(Fields.SEQUENCE, Direction.ASC).limit(limit))
                .stream().map(Operation::fromDocument).toList();
    }

    /** The operations a run plans over (pending, in progress and failed), by sequence. */
    List<Operation> active() {
        List<Operation> active = new ArrayList<>();
        for (Status status : RunPlan.ACTIVE) {
            active.addAll(list(status, Integer.MAX_VALUE));
        }
        active.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return active;
    }

    /** The status of the operation with this id, or null if none is stored. */
    Status statusOf(String id) {
        return collection().get(id).map(d -> Status.valueOf(d.getString(Fields.STATUS))).orElse(null);
    }

    /** The total payload bytes stored. */
    long payloadBytes(DocumentCollection operations) {
        try (Stream<Document> all = operations.stream(Query.all())) {
            return all.mapToLong(d -> d.getLong(Fields.BYTES)).sum();
        }
    }

    /**
     * A change of status allowed only from the given statuses.
     *
     * @throws UnknownOperationException if no operation has the id
     * @throws OperationStateException if its status is not one of {@code from}
     */
    Operation transition(String id, Set<Status> from, BiConsumer<ObjectNode, Instant> change) {
        return store.callInTransaction(tx -> {
            DocumentCollection operations = tx.collection(options.collection());
            Operation current = operations.get(id).map(Operation::fromDocument).orElseThrow(() -> new UnknownOperationException(id));
            if (!from.contains(current.status())) {
                throw new OperationStateException("operation " + id + " is " + current.status() + "; only "
                        + from.stream().sorted().toList() + " operations can be changed this way");
            }
            Instant now = now();
            ObjectNode tree = current.toDocument().toJsonNode();
            change.accept(tree, now);
            tree.put(Fields.UPDATED_AT, now.toEpochMilli());
            return Operation.fromDocument(operations.update(Document.of(tree)));
        });
    }

    /**
     * Applies {@code change} to the stored operation if {@code stillValid} holds for it, in one
     * transaction; returns what {@code change} returned, or {@code otherwise}.
     */
    private <T> T update(String id, Predicate<Operation> stillValid, BiFunction<ObjectNode, Instant, T> change, T otherwise) {
        return store.callInTransaction(tx -> {
            DocumentCollection operations = tx.collection(options.collection());
            Optional<Operation> current = operations.get(id).map(Operation::fromDocument);
            if (current.isEmpty() || !stillValid.test(current.get())) {
                return otherwise;
            }
            Instant now = now();
            ObjectNode tree = current.get().toDocument().toJsonNode();
            tree.put(Fields.UPDATED_AT, now.toEpochMilli());
            T result = change.apply(tree, now);
            operations.update(Document.of(tree));
            return result;
        });
    }

    /** Marks a pending operation in progress under a lease, counting the attempt; empty if it is no longer pending. */
    Optional<Operation> lease(String id) {
        return update(id, current -> current.status() == Status.PENDING, (tree, now) -> {
            tree.put(Fields.STATUS, Status.IN_PROGRESS.name());
            tree.put(Fields.ATTEMPTS, tree.get(Fields.ATTEMPTS).asInt() + 1);
            tree.put(Fields.LEASE_UNTIL, now.plus(options.lease()).toEpochMilli());
            return Optional.of(Operation.fromDocument(Document.of(tree)));
        }, Optional.empty());
    }

    /** Stores the outcome of an attempt, unless the lease was lost meanwhile ({@link Attempt#SKIPPED}). */
    Attempt record(Operation running, Outcome outcome) {
        return update(running.id(), current -> current.status() == Status.IN_PROGRESS && current.attempts() == running.attempts(),
                (tree, now) -> {
                    tree.remove(Fields.LEASE_UNTIL);
                    int limit = running.maxAttempts().orElse(options.maxAttempts());
                    String reason = outcome.reason().orElse(null);
                    if (outcome.kind() == Outcome.Kind.SUCCESS) {
                        tree.put(Fields.STATUS, Status.COMPLETED.name());
                        tree.remove(Fields.NEXT_ATTEMPT_AT);
                        return new Attempt(running.id(), Outcome.Kind.SUCCESS, null);
                    }
                    if (outcome.kind() == Outcome.Kind.FAIL || running.attempts() >= limit) {
                        String message = outcome.kind() == Outcome.Kind.FAIL ? reason
                                : "gave up after " + running.attempts() + " of " + limit + " attempts: " + reason;
                        tree.put(Fields.STATUS, Status.FAILED.name());
                        tree.put(Fields.LAST_ERROR, message);
                        tree.remove(Fields.NEXT_ATTEMPT_AT);
                        return new Attempt(running.id(), Outcome.Kind.FAIL, message);
                    }
                    Duration delay = outcome.retryAfter().orElseGet(() -> backoff.delayAfter(running.attempts()));
                    tree.put(Fields.STATUS, Status.PENDING.name());
                    tree.put(Fields.LAST_ERROR, reason);
                    tree.put(Fields.NEXT_ATTEMPT_AT, now.plus(delay).toEpochMilli());
                    return new Attempt(running.id(), Outcome.Kind.RETRY, reason);
                }, Attempt.SKIPPED);
    }

    /** Moves a pending operation to a final status with a reason; false if it was no longer pending. */
    boolean finish(Operation operation, Status status, String reason) {
        return update(operation.id(), current -> current.status() == Status.PENDING, (tree, now) -> {
            tree.put(Fields.STATUS, status.name());
            tree.put(Fields.LAST_ERROR, reason);
            tree.remove(Fields.NEXT_ATTEMPT_AT);
            return true;
        }, false);
    }

    /**
     * Returns in-progress operations to pending, their attempt counts kept: every one when
     * {@code all} (on open, when no runner of this store can be alive), else those whose lease
     * has run out.
     *
     * @return how many were returned
     */
    int releaseLeases(boolean all) {
        long cutoff = now().toEpochMilli();
        int released = 0;
        for (Operation operation : list(Status.IN_PROGRESS, Integer.MAX_VALUE)) {
            Long leaseUntil = operation.toDocument().getLong(Fields.LEASE_UNTIL);
            if (all || leaseUntil == null || leaseUntil <= cutoff) {
                released += update(operation.id(),
                        current -> current.status() == Status.IN_PROGRESS && current.attempts() == operation.attempts(),
                        (tree, now) -> {
                            tree.put(Fields.STATUS, Status.PENDING.name());
                            tree.remove(Fields.LEASE_UNTIL);
                            tree.put(Fields.LAST_ERROR, "attempt " + operation.attempts() + " was interrupted before it finished");
                            tree.put(Fields.NEXT_ATTEMPT_AT, now.toEpochMilli());
                            return 1;
                        }, 0);
            }
        }
        return released;
    }

    /** Makes every pending operation due now, forgetting back-off delays. */
    void resetBackoff() {
        Instant cutoff = now();
        for (Operation operation : list(Status.PENDING, Integer.MAX_VALUE)) {
            if (operation.nextAttemptAt().map(cutoff::isBefore).orElse(false)) {
                update(operation.id(), current -> current.status() == Status.PENDING, (tree, now) -> {
                    tree.put(Fields.NEXT_ATTEMPT_AT, now.toEpochMilli());
                    return true;
                }, false);
            }
        }
    }
}
