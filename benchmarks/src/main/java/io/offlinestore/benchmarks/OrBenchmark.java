package io.offlinestore.benchmarks;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.Durability;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
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
 * Issue 14: an {@code $or} of an equality on {@code group} (10 documents) and one on
 * {@code email} (1 document), over 100,000 documents, run as a union of two index scans on a
 * collection indexed on both fields and as a full scan on a collection holding the same
 * documents without indexes; and the union with limit 5 (in id order), which merges the branches
 * and stops early. A random group and email per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
public class OrBenchmark {
    /** Documents in each collection. */
    public static final int DOCUMENTS = 100_000;

    /** The engine backend. */
    @Param({"mapdb", "memory"})
    public String backend;

    private TempDirectory directory;
    private OfflineStore store;
    private DocumentCollection indexed;
    private DocumentCollection plain;
    private final RandomOrder groups = new RandomOrder(DocumentGenerator.GROUPS, 6);
    private final RandomOrder documents = new RandomOrder(DOCUMENTS, 7);

    @Setup(Level.Trial)
    public void load() {
        directory = TempDirectory.create("or-" + backend);
        store = OfflineStore.open(StoreOptions.builder().backend(backend).path(directory.path())
                .durability(Durability.SYNC)
                .collection(CollectionSchema.builder("indexed").keyPath("id")
                        .index(IndexDefinition.of("group")).index(IndexDefinition.of("email")).build())
                .collection(CollectionSchema.builder("plain").keyPath("id").build())
                .build());
        indexed = store.collection("indexed");
        plain = store.collection("plain");
        for (int from = 0; from < DOCUMENTS; from += StoreFixture.BATCH) {
            List<Document> batch = DocumentGenerator.documents(from, from + StoreFixture.BATCH).stream()
                    .map(Document::of).toList();
            indexed.createBatch(batch);
            plain.createBatch(batch);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        directory.close();
    }

    private Query groupOrEmail() {
        return Query.filter(Filters.or(Filters.where("group").eq(groups.next()),
                Filters.where("email").eq("user" + documents.next() + "@example.com")));
    }

    @Benchmark
    public List<Document> unionOfIndexScans() {
        return indexed.query(groupOrEmail());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Document> fullScan() {
        return plain.query(groupOrEmail());
    }

    @Benchmark
    public List<Document> unionMergedLimit5() {
        return indexed.query(groupOrEmail().limit(5));
    }
}
