package io.offlinestore.sync;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.sync.queue.internal.StoredOperationQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A persistent queue of operations to carry out when online, kept in the store itself: it
 * survives restarts, is encrypted when the store is, and an operation can be enqueued in the same
 * transaction as the local write it belongs to.
 *
 * <p>Handlers registered per type run the operations ({@link #runNow()}, or periodically after
 * {@link #start}). A transient failure is retried with exponential back-off and full jitter; a
 * permanent one, or exhausted attempts, leaves the operation {@link Operation.Status#FAILED} as a
 * dead letter, which also parks the operations behind it in its lane until it is retried,
 * cancelled or deleted. An operation left {@code IN_PROGRESS} by a crash returns to
 * {@code PENDING} when the queue is next opened, so none is lost; it then runs again, so handlers
 * pass the operation id on as an idempotency key. Open one queue per store and collection.
 */
public interface OperationQueue extends AutoCloseable {

    /** Opens the queue with the default options, recovering operations a crash left in progress. */
    static OperationQueue open(OfflineStore store) {
        return open(store, QueueOptions.defaults());
    }

    /** Opens the queue with these options, recovering operations a crash left in progress. */
    static OperationQueue open(OfflineStore store, QueueOptions options) {
        return StoredOperationQueue.open(store, options);
    }

    /** The options the queue was opened with. */
    QueueOptions options();

    /**
     * Enqueues an operation of this type with default scheduling.
     *
     * @return the operation's id
     * @throws InvalidOperationException if the type is blank or the payload is null
     * @throws QueueFullException if a size limit is reached and nothing could be dropped
     */
    String enqueue(String type, Document payload);

    /**
     * Enqueues a built operation.
     *
     * @return the operation's id
     * @throws InvalidOperationException if its id is already queued or a dependency is unknown
     * @throws QueueFullException if a size limit is reached and nothing could be dropped
     */
    String enqueue(Operation operation);

    /**
     * Enqueues an operation as part of a transaction: it is stored when the transaction commits
     * and never if it rolls back. The transaction must cover the queue's collection (begin it over
     * all collections, or name {@link QueueOptions#collection()}).
     */
    String enqueue(Transaction transaction, Operation operation);

    /** The operation with this id, if it is queued. */
    Optional<Operation> find(String id);

    /**
     * The operation with this id.
     *
     * @throws UnknownOperationException if none is queued with this id
     */
    Operation get(String id);

    /** Up to {@code limit} operations in this status, oldest first. */
    List<Operation> list(Operation.Status status, int limit);

    /** Every pending operation, oldest first. */
    List<Operation> pending();

    /**
     * Cancels a pending or failed operation; a cancelled one is not run again.
     *
     * @throws UnknownOperationException if none has this id
     * @throws OperationStateException if it is in progress or already completed, cancelled or expired
     */
    Operation cancel(String id);

    /**
     * Puts a failed, cancelled or expired operation back to pending with a fresh attempt count.
     *
     * @throws UnknownOperationException if none has this id
     * @throws OperationStateException if it is pending, in progress or completed
     */
    Operation retry(String id);

    /**
     * Deletes an operation in any status but in progress.
     *
     * @throws UnknownOperationException if none has this id
     * @throws OperationStateException if it is in progress
     */
    void delete(String id);

    /** Deletes every completed operation; returns how many. */
    int clearCompleted();

    /** Deletes the operations completed longer ago than {@code olderThan}; returns how many. */
    int clearCompleted(Duration olderThan);

    /** Counts per status, the oldest pending age, payload bytes, and operations no handler can run. */
    QueueStats stats();

    /**
     * Registers the handler of a type, replacing any earlier one. Pending operations of a type
     * without a handler wait, and are reported in {@link #stats()}.
     */
    void registerHandler(String type, OperationHandler handler);

    /**
     * Runs every operation that is due now: not waiting for a back-off, a dependency or its lane,
     * with a handler. Operations that become due during the run (the next one in a lane) run too.
     * Does nothing while an attached {@link ConnectivityMonitor} reports offline.
     */
    RunResult runNow();

    /** Makes every pending operation due now, forgetting back-off delays (attempt counts stay). */
    void resetBackoff();

    /**
     * Follows a connectivity monitor: runs are skipped while it reports offline, and when it
     * comes back online back-off delays are reset and a run starts.
     */
    void attach(ConnectivityMonitor monitor);

    /** Runs the queue every {@code interval} on a background thread until {@link #stop()}. */
    void start(Duration interval);

    /** Stops periodic runs, waiting for a run in progress to finish. */
    void stop();

    /** Whether periodic runs are on. */
    boolean isRunning();

    /** When an operation last completed, since the queue was opened. */
    Optional<Instant> lastSuccessAt();

    /** Stops periodic runs; the store stays open. */
    @Override
    void close();
}
