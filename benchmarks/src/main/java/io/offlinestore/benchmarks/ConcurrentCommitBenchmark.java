package io.offlinestore.benchmarks;

import io.offlinestore.benchmarks.subject.Subject;
import io.offlinestore.benchmarks.subject.Subjects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 15: 1, 4, 8 and 16 threads each creating one document per durable commit in one store
 * (group commit). Sampled latency per commit, so JMH reports the mean and p99; commits per
 * second are threads / mean. The raw baselines are not safe for concurrent commits (one MapDB
 * transaction, one Derby connection), so their writers take turns under one lock, as an
 * application sharing them must.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class ConcurrentCommitBenchmark {
    /** The store: an engine backend or a baseline (see {@link Subjects}). */
    @Param({"mapdb", "derby", "raw-mapdb", "raw-derby"})
    public String store;

    private StoreFixture fixture;
    private boolean serialized;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void open() {
        fixture = StoreFixture.open(store, Subjects.CommitPattern.ONE_PER_COMMIT);
        serialized = store.startsWith("raw-");
    }

    @TearDown(Level.Trial)
    public void delete() {
        fixture.close();
    }

    @Benchmark
    @Threads(1)
    public void oneThread() {
        createOne();
    }

    @Benchmark
    @Threads(4)
    public void fourThreads() {
        createOne();
    }

    @Benchmark
    @Threads(8)
    public void eightThreads() {
        createOne();
    }

    @Benchmark
    @Threads(16)
    public void sixteenThreads() {
        createOne();
    }

    private void createOne() {
        Subject subject = fixture.subject();
        Object document = subject.prepare(DocumentGenerator.document(next.getAndIncrement()));
        if (serialized) {
            synchronized (subject) {
                subject.insertOne(document);
            }
        } else {
            subject.insertOne(document);
        }
    }
}
