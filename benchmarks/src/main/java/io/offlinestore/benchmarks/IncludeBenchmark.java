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
import io.offlinestore.schema.Relationship;
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
 * Issue 4: a page of 20 parents (users, by an indexed {@code page} field) loaded three ways: the
 * query alone, the query with {@code include("orders")} (a one-to-many relationship, 5 orders per
 * user, its foreign key indexed by the engine), and the N+1 pattern (the query, then one query
 * for each user's orders). 2,000 users and 10,000 orders; a random page per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class IncludeBenchmark {
    /** Users per page. */
    public static final int PAGE = 20;
    /** Pages of users. */
    public static final int PAGES = 100;
    /** Orders per user. */
    public static final int ORDERS_PER_USER = 5;

    /** The engine backend. */
    @Param({"memory", "mapdb"})
    public String backend;

    private TempDirectory directory;
    private OfflineStore store;
    private DocumentCollection users;
    private DocumentCollection orders;
    private final RandomOrder pages = new RandomOrder(PAGES, 5);

    @Setup(Level.Trial)
    public void load() {
        directory = TempDirectory.create("include-" + backend);
        store = OfflineStore.open(StoreOptions.builder().backend(backend).path(directory.path())
                .durability(Durability.SYNC)
                .collection(CollectionSchema.builder("users").keyPath("id").index(IndexDefinition.of("page"))
                        .relationship(Relationship.oneToMany("orders", "orders", "user_id")).build())
                .collection(CollectionSchema.builder("orders").keyPath("id").build())
                .build());
        users = store.collection("users");
        orders = store.collection("orders");
        for (int page = 0; page < PAGES; page++) {
            List<Document> pageUsers = new ArrayList<>();
            List<Document> pageOrders = new ArrayList<>();
            for (int i = page * PAGE; i < (page + 1) * PAGE; i++) {
                pageUsers.add(Document.of(DocumentGenerator.user(i, PAGE)));
                for (int j = 0; j < ORDERS_PER_USER; j++) {
                    pageOrders.add(Document.of(DocumentGenerator.order(i, j)));
                }
            }
            users.createBatch(pageUsers);
            orders.createBatch(pageOrders);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        directory.close();
    }

    private Query page() {
        return Query.filter(Filters.where("page").eq(pages.next()));
    }

    @Benchmark
    public List<Document> parentsOnly() {
        return users.query(page());
    }

    @Benchmark
    public List<Document> parentsWithInclude() {
        return users.query(page().include("orders"));
    }

    @Benchmark
    public int parentsThenQueryPerParent() {
        int found = 0;
        for (Document user : users.query(page())) {
            found += orders.query(Query.filter(Filters.where("user_id").eq(user.id()))).size();
        }
        return found;
    }
}
