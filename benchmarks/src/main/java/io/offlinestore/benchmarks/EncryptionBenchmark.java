package io.offlinestore.benchmarks;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.Durability;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.encryption.KeyProviders;
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
 * Issue 5: insert and point read of the generator's documents with two sensitive fields
 * ({@code ssn} and {@code card.number}, sealed with randomized AES-256-GCM) against the same
 * documents in a store without encryption. The passphrase's key derivation (Argon2id) runs once,
 * when the store opens in the trial setup, outside the measurement.
 *
 * <p>Inserts go in batches of 100 documents per commit: a durable commit of one document costs
 * about a millisecond of fsync on {@code mapdb}, which would hide the cipher's cost; batches show
 * it. Each insert iteration is one shot of 2,000 fresh documents; the score is per document.
 * Reads get random ids among 20,000 stored documents.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class EncryptionBenchmark {
    /** Documents stored before the measurement. */
    public static final int STORED = 20_000;
    /** Documents inserted per shot. */
    public static final int INSERTS = 2_000;
    /** Documents per commit when inserting. */
    public static final int BATCH = 100;

    /** The engine backend. */
    @Param({"memory", "mapdb"})
    public String backend;

    /** {@code none}, or {@code two-sensitive} for {@code ssn} and {@code card.number} sealed. */
    @Param({"none", "two-sensitive"})
    public String fields;

    private TempDirectory directory;
    private OfflineStore store;
    private DocumentCollection docs;
    private List<Document> next;
    private long written;
    private final RandomOrder stored = new RandomOrder(STORED, 6);

    @Setup(Level.Trial)
    public void open() {
        directory = TempDirectory.create("encryption-" + backend);
        StoreOptions.Builder options = StoreOptions.builder().backend(backend).path(directory.path())
                .durability(Durability.SYNC)
                .collection(CollectionSchema.builder("docs").keyPath("id").index(IndexDefinition.of("group")).build());
        if (fields.equals("two-sensitive")) {
            options.encryption(EncryptionOptions.builder().sensitiveFields("ssn", "card.number")
                    .keyProvider(KeyProviders.passphrase("correct horse battery staple".toCharArray())).build());
        }
        store = OfflineStore.open(options.build());
        docs = store.collection("docs");
        for (int from = 0; from < STORED; from += 1_000) {
            docs.createBatch(documents(from, from + 1_000));
        }
        written = STORED;
    }

    @Setup(Level.Iteration)
    public void prepareNext() {
        next = documents(written, written + INSERTS);
        written += INSERTS;
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        directory.close();
    }

    private static List<Document> documents(long from, long to) {
        List<Document> out = new ArrayList<>((int) (to - from));
        DocumentGenerator.documents(from, to).forEach(d -> out.add(Document.of(d)));
        return out;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    @OperationsPerInvocation(INSERTS)
    public void insertInBatchesOf100() {
        for (int from = 0; from < INSERTS; from += BATCH) {
            docs.createBatch(next.subList(from, from + BATCH));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public Document getById() {
        return docs.get(DocumentGenerator.id(stored.next())).orElseThrow();
    }
}
