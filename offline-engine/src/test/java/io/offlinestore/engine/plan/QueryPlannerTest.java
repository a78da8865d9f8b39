package io.offlinestore.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.engine.index.IndexState;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import java.util.Optional;
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
    void arrayOperandsAndUnindexableConditionsFallBackToAFullScan() {
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan("{'tags':['a','b']}"));
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan("{'age':{'$ne':3}}"));
    }

    @Test
    void orOverIndexedFieldsIsAUnionOfEachBranchsScan() {
        QueryPlan.UnionPlan union = assertInstanceOf(QueryPlan.UnionPlan.class,
                plan("{'$or':[{'email':'a'},{'age':{'$gt':3}},{'id':7}]}"));
        assertEquals(3, union.branches().size());
        assertEquals("email", assertInstanceOf(QueryPlan.IndexScanPlan.class, union.branches().get(0)).index().name());
        QueryPlan.IndexScanPlan age = assertInstanceOf(QueryPlan.IndexScanPlan.class, union.branches().get(1));
        assertEquals(List.of("age > 3"), age.ranges().stream().map(ScanRange::description).toList());
        assertInstanceOf(QueryPlan.PrimaryKeyScanPlan.class, union.branches().get(2));
        assertEquals(Filters.all(), union.residual());
        assertEquals(Filters.parse("{\"$or\":[{\"email\":\"a\"},{\"age\":{\"$gt\":3}},{\"id\":7}]}"),
                union.recheck(), "every document found is checked against the whole filter");
        assertFalse(union.ordered(), "an age range does not come in id order");
    }

    @Test
    void oneBranchWithoutAnIndexMakesTheWholeOrAFullScan() {
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan("{'$or':[{'email':'a'},{'name':'b'}]}"));
        assertInstanceOf(QueryPlan.FullScanPlan.class, plan("{'$or':[{'email':'a'},{'age':{'$ne':3}}]}"));
    }

    @Test
    void orInsideAndDistributesTheOtherConjunctsIntoEachBranch() {
        QueryPlan.UnionPlan union = assertInstanceOf(QueryPlan.UnionPlan.class,
                plan("{'role':'admin','x':1,'$or':[{'created':'a'},{'created':{'$gte':'m'}}]}"));
        for (QueryPlan branch : union.branches()) {
            assertEquals("role_created", assertInstanceOf(QueryPlan.IndexScanPlan.class, branch).index().name());
        }
        assertEquals(List.of("role = \"admin\", created = \"a\""),
                ((QueryPlan.IndexScanPlan) union.branches().get(0)).ranges().stream().map(ScanRange::description).toList());
        assertEquals(Filters.where("x").eq(1), union.residual(), "role is answered by every branch, x by none");
    }

    @Test
    void aSingleIndexAsGoodAsEveryBranchBeatsTheUnion() {
        assertInstanceOf(QueryPlan.IndexScanPlan.class, plan("{'email':'e','$or':[{'age':1},{'name':'n'}]}"));
        assertInstanceOf(QueryPlan.IndexScanPlan.class, plan("{'email':'e','$or':[{'age':1},{'age':2}]}"));
    }

    @Test
    void nestedOrOperandsBecomeBranches() {
        QueryPlan.UnionPlan union = assertInstanceOf(QueryPlan.UnionPlan.class,
                plan(Query.filter(new Filter.Or(List.of(Filters.where("email").eq("a"),
                        new Filter.Or(List.of(Filters.where("age").eq(1), Filters.where("id").eq(2))))))));
        assertEquals(3, union.branches().size());
    }

    @Test
    void branchesThatAllYieldTheOrderAreMerged() {
        QueryPlan.UnionPlan byId = assertInstanceOf(QueryPlan.UnionPlan.class,
                plan(Query.filter(Filters.parse("{\"$or\":[{\"email\":\"a\"},{\"age\":3}]}")).limit(5)));
        assertTrue(byId.ordered(), "points of single-field indexes come in id order");
        QueryPlan.UnionPlan byCreated = assertInstanceOf(QueryPlan.UnionPlan.class,
                plan(Query.filter(Filters.parse("{\"$or\":[{\"role\":\"a\"},{\"role\":\"b\"}]}"))
                        .sort("created", Direction.DESC).limit(5)));
        assertTrue(byCreated.ordered());
        assertTrue(byCreated.branches().stream().allMatch(QueryPlan::reverse));
        QueryPlan.UnionPlan mixed = assertInstanceOf(QueryPlan.UnionPlan.class,
                plan(Query.filter(Filters.parse("{\"$or\":[{\"role\":\"a\"},{\"email\":\"b\"}]}"))
                        .sort("created", Direction.ASC)));
        assertFalse(mixed.ordered(), "the email index does not give created order");
    }

    @Test
    void explanationOfAUnionShowsEachBranch() {
        Query query = Query.filter(Filters.parse("{\"$or\":[{\"email\":\"a\",\"name\":\"n\"},{\"age\":{\"$lt\":9}}]}"));
        Explanation explanation = plan(query).explain("t", query);
        assertEquals(Explanation.Access.INDEX_UNION, explanation.access());
        assertEquals(2, explanation.branches().size());
        Explanation.Scan first = explanation.branches().get(0);
        assertEquals(Optional.of("email"), first.index());
        assertEquals(Filters.where("name").eq("n"), first.residual());
        assertEquals(List.of("age < 9"), explanation.branches().get(1).keyRanges());
        String text = explanation.toString();
        assertTrue(text.contains("access:     union of index scans"), text);
        assertTrue(text.contains("branch 1:   index scan on 'email', ranges email = \"a\", residual {\"name\":{\"$eq\":\"n\"}}"), text);
        assertTrue(text.contains("branch 2:   index scan on 'age', ranges age < 9, residual none"), text);
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
