package io.offlinestore.benchmarks;

import io.offlinestore.benchmarks.subject.Subjects;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 3: get by id right after the store was closed and opened again (so no cache of the store's
 * own is warm; the operating system's file cache is, and the JIT is). Each iteration reopens the
 * store of 100,000 documents, then one shot reads 1,000 random ids; the score is per get. Only
 * persistent stores: the memory backend keeps nothing across a reopen.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ColdGetBenchmark {
    /** Gets per shot. */
    public static final int GETS = 1_000;

    /** The store: a persistent engine backend or a baseline (see {@link Subjects}). */
    @Param({"mapdb", "derby", "h2", "raw-mapdb", "raw-derby", "raw-mvstore", "nitrite"})
    public String store;

    private StoreFixture fixture;
    private final RandomOrder documents = new RandomOrder(ReadBenchmark.DOCUMENTS, 4);

    @Setup(Level.Trial)
    public void load() {
        fixture = StoreFixture.loaded(store, ReadBenchmark.DOCUMENTS);
    }

    @Setup(Level.Iteration)
    public void reopen() {
        fixture.subject().reopen();
    }

    @TearDown(Level.Trial)
    public void delete() {
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(GETS)
    public void getByIdAfterReopen(Blackhole blackhole) {
        for (int i = 0; i < GETS; i++) {
            blackhole.consume(fixture.subject().get(DocumentGenerator.id(documents.next())));
        }
    }
}
