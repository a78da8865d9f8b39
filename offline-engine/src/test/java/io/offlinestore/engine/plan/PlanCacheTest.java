package io.offlinestore.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.query.Condition;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Operator;
import io.offlinestore.query.Query;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Plans from the cache are the plans the planner makes afresh, and index changes are never missed. */
class PlanCacheTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final IndexState EMAIL = index(IndexDefinition.unique("email"), false);
    private static final IndexState AGE = index(IndexDefinition.of("age"), false);
    private static final IndexState ROLE_CREATED = index(IndexDefinition.of("role", "created"), false);
    private static final IndexState TAGS = index(IndexDefinition.of("tags"), true);
    private static final List<IndexState> INDEXES = List.of(EMAIL, AGE, ROLE_CREATED, TAGS);
    private static final String[] PATHS = {"id", "email", "age", "role", "created", "tags", "name"};

    private static IndexState index(IndexDefinition definition, boolean multikey) {
        return new IndexState(definition, "idx.t." + definition.name(), multikey);
    }

    @Test
    void cachedPlansEqualFreshPlansForGeneratedQueries() {
        long seed = Long.getLong("offlinestore.plancache.seed", System.nanoTime());
        Random random = new Random(seed);
        PlanCache cache = new PlanCache();
        for (int i = 0; i < 20_000; i++) {
            Query query = query(random);
            QueryPlan fresh = QueryPlanner.plan(query, "id", INDEXES);
            QueryPlan cached = cache.plan(query, "id", INDEXES);
            assertEquals(withoutConsidered(fresh), withoutConsidered(cached), "seed " + seed + ", query " + i + ": " + query);
        }
        assertTrue(cache.stats().hitCount() > 5_000, "generated queries should repeat shapes: " + cache.stats());
    }

    @Test
    void aQueryOfTheSameShapeGetsItsOwnValues() {
        PlanCache cache = new PlanCache();
        cache.plan(Query.filter(Filters.where("age").gt(18)), "id", INDEXES);
        QueryPlan.IndexScanPlan plan = assertInstanceOf(QueryPlan.IndexScanPlan.class,
                cache.plan(Query.filter(Filters.where("age").gt(65)), "id", INDEXES));
        assertEquals(1, cache.stats().hitCount());
        assertEquals(List.of("age > 65"), plan.ranges().stream().map(ScanRange::description).toList());
        QueryPlan.IndexScanPlan text = assertInstanceOf(QueryPlan.IndexScanPlan.class,
                cache.plan(Query.filter(Filters.where("age").gt("x")), "id", INDEXES));
        assertEquals(1, cache.stats().hitCount(), "a value of another type bracket is another shape");
        assertEquals(List.of("age > \"x\""), text.ranges().stream().map(ScanRange::description).toList());
    }

    @Test
    void anInListWhoseValuesCollapseToOneKeyIsAnotherShape() {
        PlanCache cache = new PlanCache();
        Query onePoint = Query.filter(Filters.parse("{\"email\":{\"$in\":[1,2]},\"age\":{\"$in\":[3,3]}}"));
        Query twoPoints = Query.filter(Filters.parse("{\"email\":{\"$in\":[1,2]},\"age\":{\"$in\":[3,4]}}"));
        assertEquals(AGE, ((QueryPlan.IndexScanPlan) cache.plan(onePoint, "id", INDEXES)).index(),
                "one point of age yields id order, so it beats two points of email");
        assertEquals(EMAIL, ((QueryPlan.IndexScanPlan) cache.plan(twoPoints, "id", INDEXES)).index());
    }

    @Test
    void creatingDroppingOrTurningAnIndexMultikeyIsANewKey() {
        PlanCache cache = new PlanCache();
        Query query = Query.filter(Filters.where("age").eq(30)).limit(3);
        assertInstanceOf(QueryPlan.FullScanPlan.class, cache.plan(query, "id", List.of()));
        QueryPlan.IndexScanPlan indexed = assertInstanceOf(QueryPlan.IndexScanPlan.class,
                cache.plan(query, "id", List.of(AGE)));
        assertTrue(indexed.ordered());
        QueryPlan.IndexScanPlan multikey = assertInstanceOf(QueryPlan.IndexScanPlan.class,
                cache.plan(query, "id", List.of(AGE.asMultikey())));
        assertFalse(multikey.ordered(), "a multikey index does not yield id order");
        assertInstanceOf(QueryPlan.FullScanPlan.class, cache.plan(query, "id", List.of()));
        assertEquals(1, cache.stats().hitCount());
    }

    @Test
    void theCacheIsBounded() {
        PlanCache cache = new PlanCache(10);
        for (int i = 0; i < 1_000; i++) {
            cache.plan(Query.filter(Filters.where("f" + i).eq(1)), "id", INDEXES);
        }
        cache.cleanUp();
        assertTrue(cache.size() <= 10, "size " + cache.size());
    }

    private static Query query(Random random) {
        Query query = Query.filter(filter(random, 0));
        if (random.nextInt(3) == 0) {
            query = query.sort(PATHS[random.nextInt(PATHS.length)], random.nextBoolean() ? Direction.ASC : Direction.DESC);
        }
        return random.nextBoolean() ? query.limit(1 + random.nextInt(20)) : query;
    }

    private static Filter filter(Random random, int depth) {
        int roll = random.nextInt(depth > 2 ? 8 : 11);
        if (roll >= 8) {
            List<Filter> operands = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                operands.add(filter(random, depth + 1));
            }
            return roll == 8 ? new Filter.And(operands) : roll == 9 ? new Filter.Or(operands) : new Filter.Nor(operands);
        }
        String path = PATHS[random.nextInt(PATHS.length)];
        return new Filter.Field(path, condition(random, 0));
    }

    private static Condition condition(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 10)) {
            case 0, 1, 2 -> new Condition.Compare(Operator.EQ, value(random));
            case 3 -> new Condition.Compare(Operator.GT, value(random));
            case 4 -> new Condition.Compare(Operator.LTE, value(random));
            case 5 -> new Condition.Compare(Operator.NE, value(random));
            case 6, 7 -> new Condition.In(List.of(value(random), value(random), value(random)));
            case 8 -> new Condition.Exists(random.nextBoolean());
            default -> new Condition.AllOf(List.of(condition(random, 1), condition(random, 1)));
        };
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> NODES.numberNode(random.nextInt(4));
            case 2, 3 -> NODES.textNode(String.valueOf((char) ('a' + random.nextInt(4))));
            case 4 -> random.nextBoolean() ? NODES.nullNode() : NODES.booleanNode(random.nextBoolean());
            default -> NODES.arrayNode().add(random.nextInt(3));
        };
    }

    /** The plan with the considered paths, which only a fresh plan lists, left out. */
    private static QueryPlan withoutConsidered(QueryPlan plan) {
        if (plan instanceof QueryPlan.IndexScanPlan p) {
            return new QueryPlan.IndexScanPlan(p.index(), p.ranges(), p.reverse(), p.residual(), p.recheck(), p.ordered(),
                    p.deduplicate(), List.of());
        }
        if (plan instanceof QueryPlan.PrimaryKeyScanPlan p) {
            return new QueryPlan.PrimaryKeyScanPlan(p.ranges(), p.reverse(), p.residual(), p.ordered(), List.of());
        }
        if (plan instanceof QueryPlan.UnionPlan p) {
            return new QueryPlan.UnionPlan(p.or(), p.branches(), p.sort(), p.keyPath(), p.residual(), p.recheck(),
                    p.ordered(), List.of());
        }
        QueryPlan.FullScanPlan p = (QueryPlan.FullScanPlan) plan;
        return new QueryPlan.FullScanPlan(p.reverse(), p.residual(), p.ordered(), List.of());
    }
}
