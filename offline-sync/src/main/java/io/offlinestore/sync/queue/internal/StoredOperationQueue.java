package io.offlinestore.sync.queue.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.OfflineStore;
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
import io.offlinestore.sync.QueueFullException;
import io.offlinestore.sync.QueueOptions;
import io.offlinestore.sync.QueueStats;
import io.offlinestore.sync.RunResult;
import io.offlinestore.sync.UnknownOperationException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operation queue kept in one collection of the store, each operation a document: enqueueing
 * (with the size limits) and managing here, the documents' changes of status in
 * {@link OperationRecords}, runs in {@link QueueRunner}.
 */
public final class StoredOperationQueue implements OperationQueue {
    private static final Logger LOG = LoggerFactory.getLogger(StoredOperationQueue.class);

    private final OfflineStore store;
    private final QueueOptions options;
    private final OperationRecords records;
    private final QueueRunner runner;
    private final AtomicLong sequence;

    private StoredOperationQueue(OfflineStore store, QueueOptions options) {
        this.store = store;
        this.options = options;
        this.records = new OperationRecords(store, options);
        this.runner = new QueueRunner(records, options.parallelism());
        this.sequence = new AtomicLong(records.lastSequence() + 1);
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
        int recovered = queue.records.releaseLeases(true);
        if (recovered > 0) {
            LOG.info("returned {} operations interrupted in progress to pending", recovered);
        }
        return queue;
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
        DocumentCollection operations = transaction.collection(options.collection());
        for (String dependency : operation.dependsOn()) {
            if (operations.get(dependency).isEmpty()) {
                throw new InvalidOperationException("operation " + operation.id() + " depends on '" + dependency
                        + "', which is not queued");
            }
        }
        if (options.isBounded()) {
            makeRoom(operations, operation);
        }
        Instant now = records.now();
        ObjectNode tree = operation.toDocument().toJsonNode();
        tree.put(Fields.SEQUENCE, sequence.getAndIncrement());
        tree.put(Fields.CREATED_AT, now.toEpochMilli());
        tree.put(Fields.UPDATED_AT, now.toEpochMilli());
        tree.put(Fields.NEXT_ATTEMPT_AT, now.toEpochMilli());
        operation.expiresAfter().ifPresent(after -> tree.put(Fields.EXPIRES_AT, now.plus(after).toEpochMilli()));
        try {
            operations.create(Document.of(tree));
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
        long bytes = records.payloadBytes(operations);
        if (fits(count, bytes, incoming)) {
            return;
        }
        if (options.overflow() == QueueOptions.Overflow.DROP_OLDEST_COMPLETED) {
            Query completed = Query.filter(OperationRecords.statusIs(Status.COMPLETED)).sort(Fields.SEQUENCE, Direction.ASC);
            for (Document oldest : operations.query(completed)) {
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
        return records.find(id);
    }

    @Override
    public Operation get(String id) {
        return find(id).orElseThrow(() -> new UnknownOperationException(id));
    }

    @Override
    public List<Operation> list(Status status, int limit) {
        return records.list(status, limit);
    }

    @Override
    public List<Operation> pending() {
        return list(Status.PENDING, Integer.MAX_VALUE);
    }

    @Override
    public QueueStats stats() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        DocumentCollection operations = records.collection();
        for (Status status : Status.values()) {
            counts.put(status, operations.count(OperationRecords.statusIs(status)));
        }
        Instant now = records.now();
        List<Operation> pending = pending();
        Optional<Duration> oldest = pending.stream().findFirst().flatMap(Operation::createdAt)
                .map(created -> Duration.between(created, now)).map(age -> age.isNegative() ? Duration.ZERO : age);
        Map<String, Long> withoutHandler = new TreeMap<>();
        for (Operation operation : pending) {
            if (!runner.hasHandler(operation.type())) {
                withoutHandler.merge(operation.type(), 1L, Long::sum);
            }
        }
        long blocked = RunPlan.of(records.active(), now, id -> null, operation -> true).blocked();
        return new QueueStats(counts, oldest, records.payloadBytes(operations), withoutHandler, blocked);
    }

    // ---- management

    @Override
    public Operation cancel(String id) {
        return records.transition(id, Set.of(Status.PENDING, Status.FAILED), (tree, now) -> tree.put(Fields.STATUS, Status.CANCELLED.name()));
    }

    @Override
    public Operation retry(String id) {
        return records.transition(id, Set.of(Status.FAILED, Status.CANCELLED, Status.EXPIRED), (tree, now) -> {
            tree.put(Fields.STATUS, Status.PENDING.name());
            tree.put(Fields.ATTEMPTS, 0);
            tree.put(Fields.NEXT_ATTEMPT_AT, now.toEpochMilli());
            tree.remove(Fields.EXPIRES_AT);
        });
    }

    @Override
    public void delete(String id) {
        store.inTransaction(tx -> {
            DocumentCollection operations = tx.collection(options.collection());
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
        return clear(Filters.where(Fields.UPDATED_AT).lte(records.now().minus(olderThan).toEpochMilli()));
    }

    private int clear(Filter age) {
        DocumentCollection operations = records.collection();
        List<Object> ids = operations.query(Query.filter(Filters.and(OperationRecords.statusIs(Status.COMPLETED), age))).stream()
                .map(Document::id).toList();
        return ids.isEmpty() ? 0 : operations.deleteBatch(ids);
    }

    // ---- running

    @Override
    public void registerHandler(String type, OperationHandler handler) {
        runner.registerHandler(type, handler);
    }

    @Override
    public RunResult runNow() {
        return runner.runNow();
    }

    @Override
    public void resetBackoff() {
        records.resetBackoff();
    }

    @Override
    public void attach(ConnectivityMonitor monitor) {
        runner.attach(monitor);
    }

    @Override
    public void start(Duration interval) {
        runner.start(interval);
    }

    @Override
    public void stop() {
        runner.stop();
    }

    @Override
    public boolean isRunning() {
        return runner.isRunning();
    }

    @Override
    public Optional<Instant> lastSuccessAt() {
        return runner.lastSuccessAt();
    }

    @Override
    public void close() {
        runner.close();
    }
}
