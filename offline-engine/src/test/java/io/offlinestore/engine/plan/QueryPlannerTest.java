package io.offlinestore.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.engine.index.IndexState;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which access path the planner picks, and what it leaves to the residual filter. */
class QueryPlannerTest {
    private static final IndexState EMAIL = index(IndexDefinition.unique("email"), false);
    private static final IndexState AGE = index(IndexDefinition.of("age"), false);
    private static final IndexState ROLE_CREATED = index(IndexDefinition.of("role", "created"), false);
    private static final IndexState TAGS = index(IndexDefinition.of("tags"), true);
    private static final List<IndexState> INDEXES = List.of(EMAIL, AGE, ROLE_CREATED, TAGS);

    private static IndexState index(IndexDefinition definition, boolean multikey) {
        return new IndexState(definition, "idx.t." + definition.name(), multikey);
    }

    private static QueryPlan plan(Query query) {
        return QueryPlanner.plan(query, "id", INDEXES);
    }

    private static QueryPlan plan(String filterJson) {
        return plan(Query.filter(Filters.parse(filterJson.replace('\'', '"'))));
    }

    @Test
    void equalityOnAnIndexedFieldScansOnePoint() {
        QueryPlan.IndexScanPlan plan = assertInstanceOf(QueryPlan.IndexScanPlan.class, plan("{'email':'a@x','name':'A'}"));
        assertEquals("email", plan.index().name());
        assertEquals(1, plan.ranges().size());
        assertEquals(Filters.where("name").eq("A"), plan.residual());
        assertTrue(plan.ordered(), "one point of a single-field index yields id order");
    }

    @Test
    void idConditionsBeatSecondaryIndexes() {
        QueryPlan plan = plan("{'id':{'$in':[3,1,2]},'email':'a@x'}");
        QueryPlan.PrimaryKeyScanPlan primary = assertInstanceOf(QueryPlan.PrimaryKeyScanPlan.class, plan);
        assertEquals(List.of("id = 1", "id = 2", "id = 3"), primary.ranges().stream().map(ScanRange::description).toList());
        assertTrue(primary.ordered());
    }

    @Test
    void moreEqualityFieldsWin() {
        QueryPlan.IndexScanPlan plan = assertInstanceOf(QueryPlan.IndexScanPlan.class,
                plan("{'age':30,'role':'admin','created':'2023'}"));
        assertEquals("role_created", plan.index().name());
        assertEquals(Filters.where("age").eq(30), plan.residual());
    }

    @Test
    void boundsOnOneFieldAreIntersected() {
        QueryPlan.IndexScanPlan plan = assertInstanceOf(QueryPlan.IndexScanPlan.class, plan("{'age':{'$gt':18,'$lte':65}}"));
        assertEquals(List.of("age > 18 and age <= 65"), plan.ranges().stream().map(ScanRange::description).toList());
        assertEquals(Filters.all(), plan.residual());
    }

    @Test
    void boundsOfDifferentTypeBracketsAreNotMerged() {
        QueryPlan.IndexScanPlan plan = assertInstanceOf(QueryPlan.IndexScanPlan.class, plan("{'age':{'$gt':18,'$lt':'z'}}"));
        assertEquals(List.of("age > 18"), plan.ranges().stream().map(ScanRange::description).toList());
        assertEquals(Filters.where("age").lt("z"), plan.residual());
    }

    @Test
    void multikeyIndexesUseOneBoundAndDeduplicate() {
        QueryPlan.IndexScanPlan plan = assertInstanceOf(QueryPlan.IndexScanPlan.class, plan("{'tags':{'$gte':'a','$lt':'m'}}"));
        assertEquals(1, plan.ranges().size());
        assertTrue(plan.deduplicate());
        assertInstanceOf(Filter.Field.class, plan.residual());
        assertFalse(plan.ordered());
    }

    @Test
    void arrayOperandsAndOrFiltersFallBackToAFullScan() {
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan("{'tags':['a','b']}"));
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan("{'$or':[{'email':'a'},{'age':3}]}"));
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan("{'age':{'$ne':3}}"));
    }

    @Test
    void sortOnTheRemainingIndexFieldsComesFromTheIndex() {
        QueryPlan plan = plan(Query.filter(Filters.where("role").eq("admin")).sort("created", Direction.DESC).limit(5));
        QueryPlan.IndexScanPlan scan = assertInstanceOf(QueryPlan.IndexScanPlan.class, plan);
        assertTrue(scan.ordered());
        assertTrue(scan.reverse());
        QueryPlan mixed = plan(Query.filter(Filters.where("role").eq("admin"))
                .sort("created", Direction.DESC).sort("id", Direction.ASC));
        assertFalse(mixed.ordered(), "a sort the index cannot give is done in memory");
    }

    @Test
    void anIndexOnlyGivingOrderIsUsedWhenTheQueryIsLimited() {
        assertInstanceOf(QueryPlan.IndexScanPlan.class, plan(Query.all().sort("age", Direction.ASC).limit(10)));
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan(Query.all().sort("age", Direction.ASC)));
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan(Query.all().sort("tags", Direction.ASC).limit(10)),
                "a multikey index cannot give order");
    }

    @Test
    void emptyRangesYieldNothingRatherThanEverything() {
        QueryPlan.IndexScanPlan plan = assertInstanceOf(QueryPlan.IndexScanPlan.class, plan("{'age':{'$gt':10,'$lt':5}}"));
        assertTrue(plan.ranges().isEmpty());
        assertEquals(Filters.all(), plan.residual());
    }

    @Test
    void explanationNamesIndexRangesAndResidual() {
        String text = plan("{'role':'admin','created':{'$gte':'2023'},'x':1}").explain("t", Query.filter(io.offlinestore.query.Filters.all())).toString();
        assertTrue(text.contains("index scan on 'role_created'"), text);
        assertTrue(text.contains("role = \"admin\", created >= \"2023\""), text);
        assertTrue(text.contains("residual:   {\"x\":{\"$eq\":1}}"), text);
    }
}
