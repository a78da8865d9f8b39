package io.offlinestore.benchmarks;

import io.offlinestore.engine.index.IndexState;
import io.offlinestore.engine.plan.PlanCache;
import io.offlinestore.engine.plan.QueryPlan;
import io.offlinestore.engine.plan.QueryPlanner;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 14: planning alone, without the backend: the planner weighing the ids and four indexes
 * afresh, against the plan cache rebuilding the remembered path, for the query shapes of
 * {@link ReadBenchmark} (indexed equality; range with a sort and limit 10) and an {@code $or}
 * over two indexes, with a new value each time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PlanBenchmark {
    private static final List<IndexState> INDEXES = List.of(
            index("group"), index("email"), index("status"), index("created_at"));

    private final PlanCache cache = new PlanCache();
    private final RandomOrder groups = new RandomOrder(DocumentGenerator.GROUPS, 8);

    private static IndexState index(String field) {
        return new IndexState(IndexDefinition.of(field), "idx.docs." + field, false);
    }

    private Query equality() {
        return Query.filter(Filters.where("group").eq(groups.next()));
    }

    private Query rangeLimit10() {
        return Query.filter(Filters.where("group").gte(groups.next())).sort("group", Direction.ASC)
                .limit(10);
    }

    private Query or() {
        int group = groups.next();
        return Query.filter(Filters.or(Filters.where("group").eq(group),
                Filters.where("email").eq("user" + group + "@example.com")));
    }

    @Benchmark
    public QueryPlan equalityFresh() {
        return QueryPlanner.plan(equality(), "id", INDEXES);
    }

    @Benchmark
    public QueryPlan equalityCached() {
        return cache.plan(equality(), "id", INDEXES);
    }

    @Benchmark
    public QueryPlan rangeLimit10Fresh() {
        return QueryPlanner.plan(rangeLimit10(), "id", INDEXES);
    }

    @Benchmark
    public QueryPlan rangeLimit10Cached() {
        return cache.plan(rangeLimit10(), "id", INDEXES);
    }

    @Benchmark
    public QueryPlan orFresh() {
        return QueryPlanner.plan(or(), "id", INDEXES);
    }

    @Benchmark
    public QueryPlan orCached() {
        return cache.plan(or(), "id", INDEXES);
    }
}
