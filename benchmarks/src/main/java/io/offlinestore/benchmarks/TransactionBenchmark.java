package io.offlinestore.benchmarks;

import io.offlinestore.Document;
import io.offlinestore.Durability;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.Transaction;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4: the commit of a transaction that creates one document in each of two collections,
 * against the plain single-document {@code create} (one commit, no transaction) on the same
 * store. Both collections have an index on {@code group}; durability is {@code SYNC}. Each
 * iteration is one shot of 1,000 commits of fresh documents; the score is per commit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 5)
@Measurement(iterations = 5)
public class TransactionBenchmark {
    /** Commits per shot. */
    public static final int COMMITS = 1_000;

    /** The engine backend. */
    @Param({"memory", "mapdb"})
    public String backend;

    private TempDirectory directory;
    private OfflineStore store;
    private List<Document> next;
    private long written;

    @Setup(Level.Trial)
    public void open() {
        directory = TempDirectory.create("tx-" + backend);
        StoreOptions.Builder options = StoreOptions.builder().backend(backend).path(directory.path())
                .durability(Durability.SYNC);
        for (String name : List.of("orders", "payments")) {
            options.collection(CollectionSchema.builder(name).keyPath("id").index(IndexDefinition.of("group")).build());
        }
        store = OfflineStore.open(options.build());
    }

    @Setup(Level.Iteration)
    public void prepareNext() {
        next = new ArrayList<>(COMMITS);
        DocumentGenerator.documents(written, written + COMMITS).forEach(d -> next.add(Document.of(d)));
        written += COMMITS;
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        directory.close();
    }

    @Benchmark
    @OperationsPerInvocation(COMMITS)
    public void twoCollectionTransaction() {
        for (Document document : next) {
            try (Transaction tx = store.beginTransaction("orders", "payments")) {
                tx.collection("orders").create(document);
                tx.collection("payments").create(document);
                tx.commit();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMITS)
    public void singleCreate() {
        for (Document document : next) {
            store.collection("orders").create(document);
        }
    }
}
