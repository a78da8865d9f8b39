package io.offlinestore.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.benchmarks.subject.Subjects;
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
 * Issue 3: bulk insert of 100,000 documents (~1 KB, one secondary index) into an empty store, in
 * batches of 1,000 documents, one commit each.
 *
 * <p>Single-shot: each iteration loads a fresh, empty store with all 100,000 documents, so every
 * iteration measures the same thing (the whole load, as the store and its index grow from nothing)
 * instead of batches at whatever size the store happens to have reached. The score is per
 * document (the shot's time over 100,000); documents per second is its inverse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 2)
public class BulkInsertBenchmark {
    /** Documents per shot. */
    public static final int DOCUMENTS = 100_000;

    /** The store: an engine backend or a baseline (see {@link Subjects}). */
    @Param({"memory", "mapdb", "derby", "h2", "raw-mapdb", "raw-derby", "raw-mvstore", "nitrite"})
    public String store;

    private List<ObjectNode> documents;
    private StoreFixture fixture;
    private List<Object> prepared;

    @Setup(Level.Trial)
    public void generate() {
        documents = DocumentGenerator.documents(0, DOCUMENTS);
    }

    @Setup(Level.Iteration)
    public void openEmpty() {
        fixture = StoreFixture.open(store, Subjects.CommitPattern.BATCHES_OR_READS);
        prepared = fixture.prepare(documents);
    }

    @TearDown(Level.Iteration)
    public void delete() {
        fixture.close();
        prepared = null;
    }

    @Benchmark
    @OperationsPerInvocation(DOCUMENTS)
    public void insertInBatchesOf1000() {
        for (int from = 0; from < DOCUMENTS; from += StoreFixture.BATCH) {
            fixture.subject().insertAll(prepared.subList(from, from + StoreFixture.BATCH));
        }
    }
}
