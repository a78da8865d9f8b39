package io.offlinestore.sync.queue.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.OfflineStore;
import io.offlinestore.Subscription;
import io.offlinestore.Transaction;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.InvalidOperationException;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.Operation.Fields;
import io.offlinestore.sync.Operation.Status;
import io.offlinestore.sync.OperationHandler;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.OperationStateException;
import io.offlinestore.sync.Outcome;
import io.offlinestore.sync.QueueFullException;
import io.offlinestore.sync.QueueOptions;
import io.offlinestore.sync.QueueStats;
import io.offlinestore.sync.RunResult;
import io.offlinestore.sync.UnknownOperationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operation queue kept in one collection of the store: each operation is a document, every
 * change of status a transaction, so a crash leaves each operation in one whole state.
 */
public final class StoredOperationQueue implements OperationQueue {
    private static final Logger LOG = LoggerFactory.getLogger(StoredOperationQueue.class);

    private final OfflineStore store;
    private final QueueOptions options;
    private final String collection;
    private final Backoff backoff;
    private final AtomicLong sequence;
    private final Map<String, OperationHandler> handlers = new ConcurrentHashMap<>();
    private final Object runLock = new Object();
    private volatile ConnectivityMonitor monitor;
    private Subscription monitorSubscription;
    private ScheduledExecutorService scheduler;
    private boolean running;
    private volatile Instant lastSuccessAt;

    private StoredOperationQueue(OfflineStore store, QueueOptions options) {
        this.store = store;
        this.options = options;
        this.collection = options.collection();
        this.backoff = new Backoff(options.backoff(), options.random());
        this.sequence = new AtomicLong(lastSequence() + 1);
    }

    /** Opens the queue over the store, creating its index if needed and recovering interrupted operations. */
    public static StoredOperationQueue open(OfflineStore store, QueueOptions options) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(options, "options");
        DocumentCollection operations = store.collection(options.collection());
        if (operations.schema().index(QueueSchema.STATUS_SEQUENCE.name()).isEmpty()) {
            operations.createIndex(QueueSchema.STATUS_SEQUENCE);
        }
        StoredOperationQueue queue = new StoredOperationQueue(store, options);
        int recovered = queue.releaseLeases(true);
        if (recovered > 0) {
            LOG.info("returned {} operations interrupted in progress to pending", recovered);
        }
        return queue;
    }

    private long lastSequence() {
        return operations().query(Query.all().sort(Fields.SEQUENCE, Direction.DESC).limit(1)).stream()
                .findFirst().map(d -> d.getLong(Fields.SEQUENCE)).orElse(0L);
    }

    private DocumentCollection operations() {
        return store.collection(collection);
    }

    private Instant now() {
        return options.clock().instant();
    }

    @Override
    public QueueOptions options() {
        return options;
    }

    // ---- enqueue

    @Override
    public String enqueue(String type, Document payload) {
        return enqueue(Operation.builder(type).payload(payload).build());
    }

    @Override
    public String enqueue(Operation operation) {
        return store.callInTransaction(tx -> enqueue(tx, operation));
    }

    @Override
    public String enqueue(Transaction transaction, Operation operation) {
        Objects.requireNonNull(transaction, "transaction");
        if (operation == null) {
            throw new InvalidOperationException("operation must not be null");
        }
        if (operation.status() != Status.PENDING || operation.attempts() != 0 || operation.createdAt().isPresent()) {
            throw new InvalidOperationException("operation " + operation.id()
                    + " was read from a queue; build a new one with Operation.builder to enqueue it again");
        }
        DocumentCollection operations = transaction.collection(collection);
        for (String dependency : operation.dependsOn()) {
            if (operations.get(dependency).isEmpty()) {
                throw new InvalidOperationException("operation " + operation.id() + " depends on '" + dependency
                        + "', which is not queued");
            }
        }
        if (options.isBounded()) {
            makeRoom(operations, operation);
        }
        Instant now = now();
        ObjectNode tree = operation.toDocument().toJsonNode();
        tree.put(Fields.SEQUENCE, sequence.getAndIncrement());
        tree.put(Fields.CREATED_AT, now.toEpochMilli());
        tree.put(Fields.UPDATED_AT, now.toEpochMilli());
        tree.put(Fields.NEXT_ATTEMPT_AT, now.toEpochMilli());
        operation.expiresAfter().ifPresent(after -> tree.put(Fields.EXPIRES_AT, now.plus(after).toEpochMilli()));
        try {
            operations.create(Document.adopt(tree));
        } catch (DuplicateKeyException e) {
            throw new InvalidOperationException("an operation with id '" + operation.id() + "' is already queued", e);
        }
        return operation.id();
    }

    /** Applies the size limits before an enqueue, dropping completed operations when the policy allows. */
    private void makeRoom(DocumentCollection operations, Operation incoming) {
        if (incoming.payloadBytes() > options.maxPayloadBytes()) {
            throw new QueueFullException("operation " + incoming.id() + " has " + incoming.payloadBytes()
                    + " payload bytes, more than the queue's limit of " + options.maxPayloadBytes());
        }
        long count = operations.count();
        long bytes;
        try (Stream<Document> all = operations.stream(Query.all())) {
            bytes = all.mapToLong(d -> d.getLong(Fields.BYTES)).sum();
        }
        if (fits(count, bytes, incoming)) {
            return;
        }
        if (options.overflow() == QueueOptions.Overflow.DROP_OLDEST_COMPLETED) {
            List<Document> completed = operations.query(Query.filter(statusIs(Status.COMPLETED)).sort(Fields.SEQUENCE, Direction.ASC));
            for (Document oldest : completed) {
                operations.delete(oldest.id());
                count--;
                bytes -= oldest.getLong(Fields.BYTES);
                if (fits(count, bytes, incoming)) {
                    return;
                }
            }
        }
        throw new QueueFullException("the queue holds " + count + " operations and " + bytes
                + " payload bytes; its limits are " + limit(options.maxOperations()) + " operations and "
                + limit(options.maxPayloadBytes()) + " bytes (overflow " + options.overflow() + ")");
    }

    private boolean fits(long count, long bytes, Operation incoming) {
        return count + 1 <= options.maxOperations() && bytes + incoming.payloadBytes() <= options.maxPayloadBytes();
    }

    private static String limit(long value) {
        return value == Long.MAX_VALUE ? "unlimited" : Long.toString(value);
    }

    // ---- reading

    @Override
    public Optional<Operation> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return operations().get(id).map(Operation::fromDocument);
    }

    @Override
    public Operation get(String id) {
        return find(id).orElseThrow(() -> new UnknownOperationException(id));
    }

    @Override
    public List<Operation> list(Status status, int limit) {
        Objects.requireNonNull(status, "status");
        if (limit < 0) {
            throw new InvalidOperationException("limit must not be negative, got " + limit);
        }
        return operations().query(Query.filter(statusIs(status)).sort(Fields.SEQUENCE, Direction.ASC).limit(limit))
                .stream().map(Operation::fromDocument).toList();
    }

    @Override
    public List<Operation> pending() {
        return list(Status.PENDING, Integer.MAX_VALUE);
    }

    private static Filter statusIs(Status status) {
        return Filters.where(Fields.STATUS).eq(status.name());
    }

    private List<Operation> active() {
        List<Operation> active = new ArrayList<>();
        for (Status status : RunPlan.ACTIVE) {
            active.addAll(list(status, Integer.MAX_VALUE));
        }
        active.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return active;
    }

    @Override
    public QueueStats stats() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, operations().count(statusIs(status)));
        }
        Instant now = now();
        List<Operation> pending = pending();
        Optional<Duration> oldest = pending.stream().findFirst().flatMap(Operation::createdAt)
                .map(created -> Duration.between(created, now)).map(age -> age.isNegative() ? Duration.ZERO : age);
        Map<String, Long> withoutHandler = new TreeMap<>();
        for (Operation operation : pending) {
            if (!handlers.containsKey(operation.type())) {
                withoutHandler.merge(operation.type(), 1L, Long::sum);
            }
        }
        long bytes;
        try (Stream<Document> all = operations().stream(Query.all())) {
            bytes = all.mapToLong(d -> d.getLong(Fields.BYTES)).sum();
        }
        long blocked = RunPlan.of(active(), now, id -> null, operation -> true).blocked();
        return new QueueStats(counts, oldest, bytes, withoutHandler, blocked);
    }

    // ---- management

    @Override
    public Operation cancel(String id) {
        return transition(id, Set.of(Status.PENDING, Status.FAILED), (tree, now) -> tree.put(Fields.STATUS, Status.CANCELLED.name()));
    }

    @Override
    public Operation retry(String id) {
        return transition(id, Set.of(Status.FAILED, Status.CANCELLED, Status.EXPIRED), (tree, now) -> {
            tree.put(Fields.STATUS, Status.PENDING.name());
            tree.put(Fields.ATTEMPTS, 0);
            tree.put(Fields.NEXT_ATTEMPT_AT, now.toEpochMilli());
            tree.remove(Fields.EXPIRES_AT);
        });
    }

    /** A change of status allowed only from the given statuses, made in one transaction. */
    private Operation transition(String id, Set<Status> from, TreeChange change) {
        return store.callInTransaction(tx -> {
            DocumentCollection operations = tx.collection(collection);
            Operation current = operations.get(id).map(Operation::fromDocument).orElseThrow(() -> new UnknownOperationException(id));
            if (!from.contains(current.status())) {
                throw new OperationStateException("operation " + id + " is " + current.status() + "; only "
                        + from.stream().sorted().toList() + " operations can be changed this way");
            }
            Instant now = now();
            ObjectNode tree = current.toDocument().toJsonNode();
            change.apply(tree, now);
            tree.put(Fields.UPDATED_AT, now.toEpochMilli());
            return Operation.fromDocument(operations.update(Document.adopt(tree)));
        });
    }

    @Override
    public void delete(String id) {
        store.inTransaction(tx -> {
            DocumentCollection operations = tx.collection(collection);
            Operation current = operations.get(id).map(Operation::fromDocument).orElseThrow(() -> new UnknownOperationException(id));
            if (current.status() == Status.IN_PROGRESS) {
                throw new OperationStateException("operation " + id + " is in progress and cannot be deleted");
            }
            operations.delete(id);
        });
    }

    @Override
    public int clearCompleted() {
        return clear(Filters.all());
    }

    @Override
    public int clearCompleted(Duration olderThan) {
        if (olderThan == null || olderThan.isNegative()) {
            throw new InvalidOperationException("olderThan must not be negative, got " + olderThan);
        }
        return clear(Filters.where(Fields.UPDATED_AT).lte(now().minus(olderThan).toEpochMilli()));
    }

    private int clear(Filter age) {
        List<Object> ids = operations().query(Query.filter(Filters.and(statusIs(Status.COMPLETED), age))).stream()
                .map(Document::id).toList();
        return ids.isEmpty() ? 0 : operations().deleteBatch(ids);
    }

    @Override
    public void registerHandler(String type, OperationHandler handler) {
        if (type == null || type.isBlank()) {
            throw new InvalidOperationException("handler type must not be blank");
        }
        handlers.put(type, Objects.requireNonNull(handler, "handler"));
    }

    // ---- running

    @Override
    public RunResult runNow() {
        synchronized (runLock) {
            ConnectivityMonitor current = monitor;
            if (current != null && !current.isOnline()) {
                return RunResult.empty();
            }
            releaseLeases(false);
            RunTally tally = new RunTally();
            Set<String> attempted = new HashSet<>();
            while (true) {
                Instant now = now();
                RunPlan plan = RunPlan.of(active(), now, this::storedStatus,
                        operation -> handlers.containsKey(operation.type()) && !attempted.contains(operation.id()));
                if (plan.isEmpty()) {
                    return tally.result();
                }
                for (Operation expired : plan.expired()) {
                    if (finish(expired, Status.EXPIRED, "expired at " + expired.expiresAt().orElseThrow())) {
                        tally.expired++;
                    }
                }
                plan.brokenDependencies().forEach((operation, reason) -> {
                    if (finish(operation, Status.FAILED, "dependency " + reason)) {
                        tally.failed++;
                        tally.errors.add(new RunResult.Error(operation.id(), "dependency " + reason, false));
                    }
                });
                plan.ready().forEach(operation -> attempted.add(operation.id()));
                attemptAll(plan.ready(), tally);
            }
        }
    }

    private Status storedStatus(String id) {
        return operations().get(id).map(d -> Status.valueOf(d.getString(Fields.STATUS))).orElse(null);
    }

    private void attemptAll(List<Operation> ready, RunTally tally) {
        if (options.parallelism() == 1 || ready.size() == 1) {
            ready.forEach(operation -> tally.add(attempt(operation)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), ready.size()));
        try {
            List<Future<Attempt>> futures = new ArrayList<>();
            for (Operation operation : ready) {
                futures.add(pool.submit(() -> attempt(operation)));
            }
            for (Future<Attempt> future : futures) {
                tally.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an attempt failed unexpectedly", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Leases the operation, runs its handler and records the outcome. */
    private Attempt attempt(Operation operation) {
        Optional<Operation> leased = lease(operation.id());
        if (leased.isEmpty()) {
            return Attempt.SKIPPED;
        }
        Operation running = leased.get();
        Outcome outcome;
        try {
            outcome = handlers.get(running.type()).handle(running);
            if (outcome == null) {
                outcome = Outcome.retry("handler returned no outcome");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.retry("interrupted");
        } catch (Exception e) {
            outcome = Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return record(running, outcome);
    }

    private Optional<Operation> lease(String id) {
        return store.callInTransaction(tx -> {
            DocumentCollection operations = tx.collection(collection);
            Optional<Operation> current = operations.get(id).map(Operation::fromDocument);
            if (current.isEmpty() || current.get().status() != Status.PENDING) {
                return Optional.empty();
            }
            Instant now = now();
            ObjectNode tree = current.get().toDocument().toJsonNode();
            tree.put(Fields.STATUS, Status.IN_PROGRESS.name());
            tree.put(Fields.ATTEMPTS, current.get().attempts() + 1);
            tree.put(Fields.LEASE_UNTIL, now.plus(options.lease()).toEpochMilli());
            tree.put(Fields.UPDATED_AT, now.toEpochMilli());
            return Optional.of(Operation.fromDocument(operations.update(Document.adopt(tree))));
        });
    }

    /** Stores the outcome of an attempt, unless the lease was lost meanwhile. */
    private Attempt record(Operation running, Outcome outcome) {
        return store.callInTransaction(tx -> {
            DocumentCollection operations = tx.collection(collection);
            Optional<Operation> current = operations.get(running.id()).map(Operation::fromDocument);
            if (current.isEmpty() || current.get().status() != Status.IN_PROGRESS
                    || current.get().attempts() != running.attempts()) {
                LOG.warn("operation {} changed while its attempt {} ran (lease lost); its outcome {} is dropped",
                        running.id(), running.attempts(), outcome);
                return Attempt.SKIPPED;
            }
            Instant now = now();
            ObjectNode tree = current.get().toDocument().toJsonNode();
            tree.remove(Fields.LEASE_UNTIL);
            tree.put(Fields.UPDATED_AT, now.toEpochMilli());
            Attempt attempt;
            int limit = running.maxAttempts().orElse(options.maxAttempts());
            String reason = outcome.reason().orElse(null);
            if (outcome.kind() == Outcome.Kind.SUCCESS) {
                tree.put(Fields.STATUS, Status.COMPLETED.name());
                tree.remove(Fields.NEXT_ATTEMPT_AT);
                attempt = new Attempt(running.id(), Outcome.Kind.SUCCESS, null);
            } else if (outcome.kind() == Outcome.Kind.FAIL || running.attempts() >= limit) {
                String message = outcome.kind() == Outcome.Kind.FAIL ? reason
                        : "gave up after " + running.attempts() + " of " + limit + " attempts: " + reason;
                tree.put(Fields.STATUS, Status.FAILED.name());
                tree.put(Fields.LAST_ERROR, message);
                tree.remove(Fields.NEXT_ATTEMPT_AT);
                attempt = new Attempt(running.id(), Outcome.Kind.FAIL, message);
            } else {
                Duration delay = outcome.retryAfter().orElseGet(() -> backoff.delayAfter(running.attempts()));
                tree.put(Fields.STATUS, Status.PENDING.name());
                tree.put(Fields.LAST_ERROR, reason);
                tree.put(Fields.NEXT_ATTEMPT_AT, now.plus(delay).toEpochMilli());
                attempt = new Attempt(running.id(), Outcome.Kind.RETRY, reason);
            }
            operations.update(Document.adopt(tree));
            return attempt;
        });
    }

    /** Moves a pending operation to a final status with a reason; false if it was no longer pending. */
    private boolean finish(Operation operation, Status status, String reason) {
        return store.callInTransaction(tx -> {
            DocumentCollection operations = tx.collection(collection);
            Optional<Operation> current = operations.get(operation.id()).map(Operation::fromDocument);
            if (current.isEmpty() || current.get().status() != Status.PENDING) {
                return false;
            }
            ObjectNode tree = current.get().toDocument().toJsonNode();
            tree.put(Fields.STATUS, status.name());
            tree.put(Fields.LAST_ERROR, reason);
            tree.put(Fields.UPDATED_AT, now().toEpochMilli());
            tree.remove(Fields.NEXT_ATTEMPT_AT);
            operations.update(Document.adopt(tree));
            return true;
        });
    }

    /**
     * Returns in-progress operations to pending: every one when {@code all} (on open, when no
     * runner of this store can be alive), else those whose lease has expired.
     */
    private int releaseLeases(boolean all) {
        Instant now = now();
        int released = 0;
        for (Operation operation : list(Status.IN_PROGRESS, Integer.MAX_VALUE)) {
            boolean expired = operation.toDocument().getLong(Fields.LEASE_UNTIL) == null
                    || operation.toDocument().getLong(Fields.LEASE_UNTIL) <= now.toEpochMilli();
            if (all || expired) {
                released += store.callInTransaction(tx -> {
                    DocumentCollection operations = tx.collection(collection);
                    Optional<Operation> current = operations.get(operation.id()).map(Operation::fromDocument);
                    if (current.isEmpty() || current.get().status() != Status.IN_PROGRESS
                            || current.get().attempts() != operation.attempts()) {
                        return 0;
                    }
                    ObjectNode tree = current.get().toDocument().toJsonNode();
                    tree.put(Fields.STATUS, Status.PENDING.name());
                    tree.remove(Fields.LEASE_UNTIL);
                    tree.put(Fields.LAST_ERROR, "attempt " + operation.attempts() + " was interrupted before it finished");
                    tree.put(Fields.NEXT_ATTEMPT_AT, now.toEpochMilli());
                    tree.put(Fields.UPDATED_AT, now.toEpochMilli());
                    operations.update(Document.adopt(tree));
                    return 1;
                });
            }
        }
        return released;
    }

    @Override
    public void resetBackoff() {
        long now = now().toEpochMilli();
        for (Operation operation : pending()) {
            if (operation.nextAttemptAt().map(at -> at.toEpochMilli() > now).orElse(false)) {
                store.inTransaction(tx -> {
                    DocumentCollection operations = tx.collection(collection);
                    operations.get(operation.id()).filter(d -> Status.PENDING.name().equals(d.getString(Fields.STATUS)))
                            .ifPresent(d -> operations.update(d.with(Fields.NEXT_ATTEMPT_AT, now)));
                });
            }
        }
    }

    @Override
    public synchronized void attach(ConnectivityMonitor connectivity) {
        Objects.requireNonNull(connectivity, "monitor");
        if (monitorSubscription != null) {
            monitorSubscription.close();
        }
        monitor = connectivity;
        monitorSubscription = connectivity.addListener((previous, current) -> {
            if (current.isOnline()) {
                resetBackoff();
                runInBackground();
            }
        });
    }

    private synchronized void runInBackground() {
        executor().execute(this::runLogged);
    }

    private void runLogged() {
        try {
            RunResult result = runNow();
            if (result.attempted() > 0) {
                LOG.debug("queue run: {}", result);
            }
        } catch (RuntimeException e) {
            LOG.warn("queue run failed", e);
        }
    }

    private ScheduledExecutorService executor() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "offline-queue-runner");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }

    @Override
    public synchronized void start(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new InvalidOperationException("run interval must be a positive duration, got " + interval);
        }
        stop();
        executor().scheduleWithFixedDelay(this::runLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                scheduler.shutdownNow();
            }
            scheduler = null;
        }
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public Optional<Instant> lastSuccessAt() {
        return Optional.ofNullable(lastSuccessAt);
    }

    @Override
    public synchronized void close() {
        stop();
        if (monitorSubscription != null) {
            monitorSubscription.close();
            monitorSubscription = null;
        }
    }

    /** A change to an operation's stored tree. */
    @FunctionalInterface
    private interface TreeChange {
        void apply(ObjectNode tree, Instant now);
    }

    /** What one attempt came to; {@code SKIPPED} when another runner had it or it changed meanwhile. */
    private record Attempt(String operationId, Outcome.Kind kind, String message) {
        static final Attempt SKIPPED = new Attempt(null, null, null);
    }

    /** Counts a run's attempts. */
    private final class RunTally {
        int succeeded;
        int retried;
        int failed;
        int expired;
        final List<RunResult.Error> errors = new ArrayList<>();

        void add(Attempt attempt) {
            if (attempt.kind() == null) {
                return;
            }
            switch (attempt.kind()) {
                case SUCCESS -> {
                    succeeded++;
                    lastSuccessAt = now();
                }
                case RETRY -> {
                    retried++;
                    errors.add(new RunResult.Error(attempt.operationId(), attempt.message(), true));
                }
                case FAIL -> {
                    failed++;
                    errors.add(new RunResult.Error(attempt.operationId(), attempt.message(), false));
                }
            }
        }

        RunResult result() {
            return new RunResult(succeeded, retried, failed, expired, errors);
        }
    }
}
