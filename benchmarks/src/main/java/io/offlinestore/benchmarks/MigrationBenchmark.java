package io.offlinestore.benchmarks;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationContext;
import io.offlinestore.migrations.MigrationRunner;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 10: a migration's {@code addField} over 100,000 ~1 KB documents on mapdb (one secondary
 * index), against the baseline of a bulk update of the same documents through the public API: the
 * same pages of 500 in id order, each written back with the field by one {@code putBatch}. The
 * migration's extra cost is its checkpoint in every batch's commit (goal: at most 1.3 times the
 * baseline). Single-shot: each iteration migrates a freshly loaded store; the score is the
 * time of the whole pass, and documents per second is {@code documents} over it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class MigrationBenchmark {
    private static final String COLLECTION = "docs";
    private static final int PAGE = 500;

    /** Documents in the store (100,000 for the figure; fewer for a quick run). */
    @Param("100000")
    public int documents;

    /** {@code addField} (the migration) or {@code bulkUpdate} (the baseline). */
    @Param({"addField", "bulkUpdate"})
    public String variant;

    private TempDirectory directory;
    private OfflineStore store;

    @Setup(Level.Iteration)
    public void load() {
        directory = TempDirectory.create("migration");
        store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(directory.path())
                .collection(CollectionSchema.builder(COLLECTION).keyPath("id").index(IndexDefinition.of("group")).build())
                .build());
        for (int from = 0; from < documents; from += StoreFixture.BATCH) {
            List<Document> batch = new ArrayList<>();
            DocumentGenerator.documents(from, Math.min(documents, from + StoreFixture.BATCH))
                    .forEach(node -> batch.add(Document.of(node)));
            store.collection(COLLECTION).createBatch(batch);
        }
    }

    @TearDown(Level.Iteration)
    public void delete() {
        store.close();
        directory.close();
    }

    @Benchmark
    public Object addFieldToEveryDocument() {
        if (variant.equals("addField")) {
            return MigrationRunner.of(store, List.of(new AddFlag())).migrateTo(2);
        }
        DocumentCollection docs = store.collection(COLLECTION);
        Object after = null;
        long written = 0;
        while (true) {
            Query page = Query.filter(after == null ? Filters.all() : Filters.where("id").gt(after))
                    .sort("id", Direction.ASC).limit(PAGE);
            List<Document> found = docs.query(page);
            if (found.isEmpty()) {
                return written;
            }
            docs.putBatch(found.stream().map(d -> d.with("flag", false)).toList());
            written += found.size();
            after = found.get(found.size() - 1).id();
        }
    }

    /** V2: every document gains {@code flag: false}. */
    private static final class AddFlag implements Migration {
        @Override
        public int version() {
            return 2;
        }

        @Override
        public String description() {
            return "add flag";
        }

        @Override
        public void up(MigrationContext ctx) {
            ctx.addField(COLLECTION, "flag", false);
        }
    }
}
