package io.offlinestore.engine.plan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import java.util.List;

/**
 * The planner's decisions, kept by query shape ({@link QueryShape}) so that a query like one
 * planned before skips weighing every index: only the chosen path's ranges are built again,
 * from the new query's values. The key holds the collection's id field and index states, so
 * a created, dropped or rebuilt index, a migration or an index turning multikey makes a
 * different key and an old decision is never used for it; a reopened store starts empty. Bounded
 * to {@value #MAXIMUM_SIZE} shapes per store. Plans from the cache list no considered paths:
 * {@code explain} plans afresh.
 */
public final class PlanCache {
    static final int MAXIMUM_SIZE = 1_000;

    private final Cache<Key, Decision> decisions;

    public PlanCache() {
        this(MAXIMUM_SIZE);
    }

    PlanCache(int maximumSize) {
        this.decisions = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    /** The plan for a query over a collection whose ids live at {@code keyPath}. */
    public QueryPlan plan(Query query, String keyPath, List<IndexState> indexes) {
        Key key = new Key(keyPath, indexes, QueryShape.of(query));
        Decision decision = decisions.getIfPresent(key);
        if (decision != null) {
            return decision.plan(query, keyPath);
        }
        QueryPlan plan = QueryPlanner.plan(query, keyPath, indexes);
        decisions.put(key, Decision.of(plan, QueryPlanner.conjuncts(query.filter())));
        return plan;
    }

    CacheStats stats() {
        return decisions.stats();
    }

    long size() {
        return decisions.estimatedSize();
    }

    void cleanUp() {
        decisions.cleanUp();
    }

    private record Key(String keyPath, List<IndexState> indexes, QueryShape shape) {
    }

    /** Which path the planner chose, without the values. */
    private sealed interface Decision {
        static Decision of(QueryPlan plan, List<Filter> conjuncts) {
            if (plan instanceof QueryPlan.IndexScanPlan index) {
                return new Scan(index.index());
            }
            if (plan instanceof QueryPlan.PrimaryKeyScanPlan) {
                return new Scan(null);
            }
            if (plan instanceof QueryPlan.UnionPlan union) {
                return new Union(conjuncts.indexOf(union.or()), union.branches().stream()
                        .map(branch -> branch instanceof QueryPlan.IndexScanPlan index ? index.index() : null).toList());
            }
            return new FullScan();
        }

        QueryPlan plan(Query query, String keyPath);
    }

    /** A scan of the ids ({@code path} null) or of one index. */
    private record Scan(IndexState path) implements Decision {
        @Override
        public QueryPlan plan(Query query, String keyPath) {
            List<Filter> conjuncts = QueryPlanner.conjuncts(query.filter());
            return QueryPlanner.candidate(path, keyPath, conjuncts, query.sort()).plan(conjuncts, query.filter(), List.of());
        }
    }

    /** A union over the {@code $or} at {@code position} of the conjuncts, one path per operand. */
    private record Union(int position, List<IndexState> paths) implements Decision {
        @Override
        public QueryPlan plan(Query query, String keyPath) {
            return UnionPlanner.union(query, keyPath, QueryPlanner.conjuncts(query.filter()), position, paths);
        }
    }

    private record FullScan() implements Decision {
        @Override
        public QueryPlan plan(Query query, String keyPath) {
            return QueryPlanner.fullScan(query, keyPath, List.of());
        }
    }
}
