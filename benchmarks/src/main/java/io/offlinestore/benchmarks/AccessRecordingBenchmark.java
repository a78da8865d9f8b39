package io.offlinestore.benchmarks;

import io.offlinestore.Document;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import java.util.List;
import java.util.Optional;
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
 * Issue 9: what LRU eviction adds to a hot get by id. The same memory store of 100,000
 * documents read at random, with read recency off (no collection has an {@code lru} policy:
 * the read path checks one flag) and on (the collection has an {@code lru} policy whose bound
 * is never reached, so every read is recorded in memory to the second and nothing is evicted).
 * Quote {@code lru} as a ratio to {@code off} of the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AccessRecordingBenchmark {
    private static final String COLLECTION = "documents";

    /** Read recency: {@code off} or {@code lru}. */
    @Param({"off", "lru"})
    public String recency;

    private OfflineStore store;
    private final RandomOrder documents = new RandomOrder(ReadBenchmark.DOCUMENTS, 5);

    @Setup(Level.Trial)
    public void load() {
        store = OfflineStore.open(StoreOptions.builder().backend("memory").build());
        for (int from = 0; from < ReadBenchmark.DOCUMENTS; from += 1_000) {
            List<Document> batch = DocumentGenerator.documents(from, from + 1_000).stream().map(Document::of).toList();
            store.collection(COLLECTION).createBatch(batch);
        }
        store.markSynchronized(store.getChanges());
        if (recency.equals("lru")) {
            store.setEvictionPolicy(COLLECTION, EvictionPolicy.lru(Long.MAX_VALUE / 2));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public Optional<Document> getByIdHot() {
        return store.collection(COLLECTION).get(DocumentGenerator.id(documents.next()));
    }
}
