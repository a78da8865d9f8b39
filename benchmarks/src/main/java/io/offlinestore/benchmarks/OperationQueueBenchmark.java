package io.offlinestore.benchmarks;

import io.offlinestore.Document;
import io.offlinestore.Durability;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.Transaction;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.Outcome;
import io.offlinestore.sync.QueueOptions;
import io.offlinestore.sync.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 11: the operation queue on MapDB ({@code SYNC} durability). {@code enqueueAndComplete}
 * enqueues operations and runs them to completion with a handler that succeeds at once (an
 * enqueue, a lease and an outcome: three commits an operation); its inverse is the queue's
 * throughput. {@code writeWithEnqueue} writes a document and enqueues its operation in the same
 * transaction, against {@code writeAlone}, the same transaction without the enqueue (goal: at
 * most 1.5 times). Each iteration is one shot of 1,000; the score is per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5)
@Measurement(iterations = 5)
public class OperationQueueBenchmark {
    /** Operations per shot. */
    public static final int OPERATIONS = 1_000;

    private TempDirectory directory;
    private OfflineStore store;
    private OperationQueue queue;
    private List<Document> next;
    private long written;

    @Setup(Level.Trial)
    public void open() {
        directory = TempDirectory.create("queue");
        store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(directory.path()).durability(Durability.SYNC)
                .collection(CollectionSchema.builder("orders").index(IndexDefinition.of("group")).build())
                .collection(QueueOptions.collectionSchema(QueueOptions.DEFAULT_COLLECTION)).build());
        queue = OperationQueue.open(store);
        queue.registerHandler("push", operation -> Outcome.success());
    }

    @Setup(Level.Iteration)
    public void prepareNext() {
        queue.runNow();
        queue.clearCompleted();
        next = new ArrayList<>(OPERATIONS);
        DocumentGenerator.documents(written, written + OPERATIONS).forEach(d -> next.add(Document.of(d)));
        written += OPERATIONS;
    }

    @TearDown(Level.Trial)
    public void close() {
        queue.close();
        store.close();
        directory.close();
    }

    @Benchmark
    @OperationsPerInvocation(OPERATIONS)
    public RunResult enqueueAndComplete() {
        for (Document document : next) {
            queue.enqueue(Operation.builder("push").payload(document).build());
        }
        RunResult result = queue.runNow();
        if (result.succeeded() != OPERATIONS) {
            throw new IllegalStateException("expected " + OPERATIONS + " completed operations, got " + result);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(OPERATIONS)
    public void writeAlone() {
        for (Document document : next) {
            try (Transaction tx = store.beginTransaction()) {
                tx.collection("orders").create(document);
                tx.commit();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OPERATIONS)
    public void writeWithEnqueue() {
        for (Document document : next) {
            try (Transaction tx = store.beginTransaction()) {
                tx.collection("orders").create(document);
                queue.enqueue(tx, Operation.builder("push").key("order:" + document.id()).payload(document).build());
                tx.commit();
            }
        }
    }
}
