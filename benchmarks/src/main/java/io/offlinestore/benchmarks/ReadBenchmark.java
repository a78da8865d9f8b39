package io.offlinestore.benchmarks;

import io.offlinestore.benchmarks.subject.Subject;
import io.offlinestore.benchmarks.subject.Subjects;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3: reads from a store holding 100,000 documents (loaded before the measurement, in
 * batches of 1,000, once per run for the persistent stores: see {@link StoreFixture#loaded}): hot get by id (random ids, store open and warm), equality lookup on the
 * indexed field (10 documents per value), a range on the indexed field with limit 10 in index
 * order, and a filter on an unindexed field (a full scan; 1,000 documents match). Average time per
 * operation, every result decoded into documents.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReadBenchmark {
    /** Documents in the store. */
    public static final int DOCUMENTS = 100_000;

    /** The store: an engine backend or a baseline (see {@link Subjects}). */
    @Param({"memory", "mapdb", "derby", "h2", "raw-mapdb", "raw-derby", "raw-mvstore", "nitrite"})
    public String store;

    private StoreFixture fixture;
    private Subject subject;
    private final RandomOrder documents = new RandomOrder(DOCUMENTS, 1);
    private final RandomOrder groups = new RandomOrder(DocumentGenerator.GROUPS, 2);
    private final RandomOrder statuses = new RandomOrder(DocumentGenerator.STATUSES, 3);

    @Setup(Level.Trial)
    public void load() {
        fixture = StoreFixture.loaded(store, DOCUMENTS);
        subject = fixture.subject();
    }

    @TearDown(Level.Trial)
    public void delete() {
        fixture.close();
    }

    @Benchmark
    public Object getByIdHot() {
        return subject.get(DocumentGenerator.id(documents.next()));
    }

    @Benchmark
    public List<?> indexedEquality() {
        return subject.findByGroup(groups.next());
    }

    @Benchmark
    public List<?> indexedRangeLimit10() {
        return subject.findGroupsFrom(groups.next(), 10);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 5, time = 2)
    public List<?> fullScanFilter() {
        return subject.scanByStatus("status-" + statuses.next());
    }
}
