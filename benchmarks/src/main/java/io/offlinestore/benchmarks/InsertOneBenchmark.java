package io.offlinestore.benchmarks;

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
 * Issue 3: insert one document per commit (a durable commit for the persistent stores) into a
 * store that grows by 1,000 documents each iteration. Each iteration is one shot of 1,000 inserts
 * of fresh documents, prepared before it; the score is per insert.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 5)
@Measurement(iterations = 5)
public class InsertOneBenchmark {
    /** Inserts (commits) per shot. */
    public static final int COMMITS = 1_000;

    /** The store: an engine backend or a baseline (see {@link Subjects}). */
    @Param({"memory", "mapdb", "derby", "h2", "raw-mapdb", "raw-derby", "raw-mvstore", "nitrite"})
    public String store;

    private StoreFixture fixture;
    private List<Object> next;
    private long written;

    @Setup(Level.Trial)
    public void open() {
        fixture = StoreFixture.open(store, Subjects.CommitPattern.ONE_PER_COMMIT);
    }

    @Setup(Level.Iteration)
    public void prepareNext() {
        next = fixture.prepare(DocumentGenerator.documents(written, written + COMMITS));
        written += COMMITS;
    }

    @TearDown(Level.Trial)
    public void delete() {
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(COMMITS)
    public void insertOnePerCommit() {
        for (Object document : next) {
            fixture.subject().insertOne(document);
        }
    }
}
