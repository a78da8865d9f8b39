package io.offlinestore.benchmarks;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.Durability;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
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
 * Issue 9: a hot get by id on one thread with the read cache on and off, over a store of
 * {@value #DOCUMENTS} documents that all fit in the cache (ids pre-boxed, in random order, so the
 * loop itself allocates nothing). Goals: at least 1,000,000 gets/s with the cache on memory and
 * mapdb, and at least 3x the cache-off figure on mapdb; {@code -prof gc} shows what a hit allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class CacheBenchmark {
    /** Documents in the store. */
    public static final int DOCUMENTS = 10_000;

    /** The engine backend. */
    @Param({"memory", "mapdb"})
    public String backend;

    /** {@code on}: a 64 MB cache; {@code off}: cache size 0. */
    @Param({"on", "off"})
    public String cache;

    private TempDirectory directory;
    private OfflineStore store;
    private DocumentCollection docs;
    private Object[] ids;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        directory = TempDirectory.create("cache-" + backend);
        store = OfflineStore.open(StoreOptions.builder().backend(backend).path(directory.path())
                .durability(Durability.SYNC).cacheSize(cache.equals("on") ? 64L << 20 : 0)
                .collection(CollectionSchema.builder("docs").index(IndexDefinition.of("group")).build())
                .build());
        docs = store.collection("docs");
        for (int from = 0; from < DOCUMENTS; from += StoreFixture.BATCH) {
            List<Document> batch = new ArrayList<>();
            DocumentGenerator.documents(from, from + StoreFixture.BATCH).forEach(d -> batch.add(Document.of(d)));
            docs.createBatch(batch);
        }
        RandomOrder order = new RandomOrder(DOCUMENTS, 1);
        ids = new Object[DOCUMENTS];
        for (int i = 0; i < DOCUMENTS; i++) {
            ids[i] = DocumentGenerator.id(order.next());
            docs.get(ids[i]).orElseThrow();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        try {
            store.close();
        } finally {
            directory.close();
        }
    }

    @Benchmark
    public Optional<Document> getHot() {
        Object id = ids[next];
        next = next + 1 == DOCUMENTS ? 0 : next + 1;
        return docs.get(id);
    }
}
