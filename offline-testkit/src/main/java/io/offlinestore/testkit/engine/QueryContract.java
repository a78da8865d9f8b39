package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filter operators, sort order and paging with MongoDB's semantics, checked on a collection
 * with indexes and on one without: both must give the expected answer. Also what explain
 * reports for typical queries.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code Query}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class QueryContract extends EngineContractSupport {
    private static final List<String> DATA = List.of(
            "{'id':'u1','name':'Alice','email':'alice@x','age':31,'role':'admin','tags':['a','b'],'address':{'city':'Oslo'},'created_at':'2023-03-01'}",
            "{'id':'u2','name':'Bob','email':'bob@x','age':25,'role':'customer','tags':['b'],'address':{'city':'Bergen'},'created_at':'2022-12-31'}",
            "{'id':'u3','name':'Charlie','email':'charlie@x','age':'unknown','role':'admin','tags':[],'created_at':'2023-06-15'}",
            "{'id':'u4','name':'Dana','email':'dana@x','age':40.5,'role':null,'scores':[{'subject':'math','score':90},{'subject':'art','score':70}]}",
            "{'id':'u5','name':'eve','age':25,'active':true}");

    private OfflineStore store;
    private DocumentCollection indexed;
    private DocumentCollection plain;

    @BeforeEach
    void seed() {
        store = open(b -> b.collection(CollectionSchema.builder("indexed")
                .index(IndexDefinition.unique("email"))
                .index(IndexDefinition.of("name"))
                .index(IndexDefinition.of("age"))
                .index(IndexDefinition.of("tags"))
                .index(IndexDefinition.of("address.city"))
                .index(IndexDefinition.of("role", "created_at"))
                .index(IndexDefinition.of("scores.score"))
                .build()));
        indexed = store.collection("indexed");
        plain = store.collection("plain");
        List<Document> docs = DATA.stream().map(EngineContractSupport::doc).toList();
        indexed.createBatch(docs);
        plain.createBatch(docs);
    }

    private void check(String filterJson, String... expectedIds) {
        check(Query.filter(Filters.parse(filterJson.replace('\'', '"'))), expectedIds);
    }

    private void check(Query query, String... expectedIds) {
        List<Object> expected = List.of((Object[]) expectedIds);
        assertEquals(expected, ids(indexed.query(query)), "with indexes: " + query + "\n" + indexed.explain(query));
        assertEquals(expected, ids(plain.query(query)), "without indexes: " + query);
        try (Stream<Document> streamed = indexed.stream(query)) {
            assertEquals(expected, ids(streamed.toList()), "streamed: " + query);
        }
        assertEquals(plain.query(Query.filter(query.filter())).size(), indexed.count(query.filter()), "count: " + query);
    }

    @Test
    void arraysSortByTheirSmallestElementAscendingAndLargestDescending() {
        for (DocumentCollection sorted : List.of(store.collection("arrays"), store.collection("arraysIndexed"))) {
            if (sorted.name().endsWith("Indexed")) {
                sorted.createIndex(IndexDefinition.of("a"));
            }
            sorted.createBatch(List.of(doc("{'id':1,'a':[6,1]}"), doc("{'id':2,'a':5}"), doc("{'id':3,'a':[2,9]}"),
                    doc("{'id':4,'a':'s'}"), doc("{'id':5,'a':[]}"), doc("{'id':6}"), doc("{'id':7,'a':[[0],5]}")));
            assertEquals(List.of(5L, 6L, 1L, 3L, 2L, 7L, 4L), ids(sorted.query(Query.all().sort("a", Direction.ASC))),
                    sorted.name());
            assertEquals(List.of(7L, 4L, 3L, 1L, 2L, 6L, 5L), ids(sorted.query(Query.all().sort("a", Direction.DESC))),
                    sorted.name());
            assertEquals(List.of(5L, 6L), ids(sorted.query(Query.all().sort("a", Direction.ASC).limit(2))), sorted.name());
        }
    }

    @Test
    void equality() {
        check("{'role':'admin'}", "u1", "u3");
        check("{'age':25}", "u2", "u5");
        check("{'age':25.0}", "u2", "u5");
        check("{'address':{'city':'Oslo'}}", "u1");
        check("{'address.city':'Oslo'}", "u1");
        check("{'id':'u3'}", "u3");
        check("{'role':'admin','name':'Charlie'}", "u3");
    }

    @Test
    void nullMatchesNullAndMissing() {
        check("{'role':null}", "u4", "u5");
        check("{'role':{'$ne':null}}", "u1", "u2", "u3");
    }

    @Test
    void comparisonsAreTypeBracketed() {
        check("{'age':{'$gt':30}}", "u1", "u4");
        check("{'age':{'$gte':25,'$lt':35}}", "u1", "u2", "u5");
        check("{'age':{'$lt':'z'}}", "u3");
        check("{'age':{'$lte':25}}", "u2", "u5");
        check("{'created_at':{'$gt':'2023-01-01'}}", "u1", "u3");
        check("{'age':{'$gt':100}}");
    }

    @Test
    void arraysMatchByElementOrAsAWhole() {
        check("{'tags':'b'}", "u1", "u2");
        check("{'tags':['b']}", "u2");
        check("{'tags':[]}", "u3");
        check("{'tags':{'$size':0}}", "u3");
        check("{'tags':{'$size':2}}", "u1");
        check("{'tags':{'$all':['a','b']}}", "u1");
        check("{'tags':{'$elemMatch':{'$eq':'a'}}}", "u1");
        check("{'scores.score':{'$gt':80}}", "u4");
        check("{'scores':{'$elemMatch':{'subject':'math','score':{'$gte':85}}}}", "u4");
        check("{'scores':{'$elemMatch':{'subject':'art','score':{'$gte':85}}}}");
    }

    @Test
    void membershipExistenceAndRegex() {
        check("{'name':{'$in':['Alice','eve','nobody']}}", "u1", "u5");
        check("{'name':{'$nin':['Alice','eve']}}", "u2", "u3", "u4");
        check("{'role':{'$ne':'admin'}}", "u2", "u4", "u5");
        check("{'role':{'$exists':true}}", "u1", "u2", "u3", "u4");
        check("{'address.city':{'$exists':false}}", "u3", "u4", "u5");
        check("{'name':{'$regex':'^[a-c]','$options':'i'}}", "u1", "u2", "u3");
        check("{'name':{'$regex':'^[a-c]'}}");
    }

    @Test
    void logicalOperators() {
        check("{'$or':[{'age':{'$lt':26}},{'role':'admin'}]}", "u1", "u2", "u3", "u5");
        check("{'$nor':[{'role':'admin'},{'age':25}]}", "u4");
        check("{'$and':[{'age':{'$gte':25}},{'age':{'$lte':31}}]}", "u1", "u2", "u5");
        check("{'age':{'$not':{'$gt':30}}}", "u2", "u3", "u5");
    }

    @Test
    void sortUsesTheCrossTypeOrderAndBreaksTiesById() {
        check(Query.all().sort("age", Direction.ASC), "u2", "u5", "u1", "u4", "u3");
        check(Query.all().sort("age", Direction.DESC), "u3", "u4", "u1", "u5", "u2");
        check(Query.all().sort("role", Direction.ASC), "u4", "u5", "u1", "u3", "u2");
        check(Query.all().sort("role", Direction.ASC).sort("name", Direction.DESC), "u5", "u4", "u3", "u1", "u2");
        check(Query.all().sort("name", Direction.ASC), "u1", "u2", "u3", "u4", "u5");
    }

    @Test
    void pagingIsStable() {
        check(Query.all().sort("name", Direction.ASC).limit(2).offset(1), "u2", "u3");
        check(Query.all().sort("age", Direction.ASC).limit(2), "u2", "u5");
        check(Query.all().limit(2).offset(4), "u5");
        check(Query.all().offset(10));
        check(Query.filter(Filters.where("role").eq("admin")).limit(0));
        List<Object> pages = new ArrayList<>();
        for (int offset = 0; offset < 5; offset += 2) {
            pages.addAll(ids(indexed.query(Query.all().sort("age", Direction.DESC).offset(offset).limit(2))));
        }
        assertEquals(ids(indexed.query(Query.all().sort("age", Direction.DESC))), pages);
    }

    @Test
    void parsedAndBuiltQueriesAgree() {
        Query parsed = Query.parse(("{'filters':{'role':'admin','created_at':{'$gt':'2023-01-01'}},"
                + "'sort':[{'field':'name','direction':'desc'}],'limit':10,'offset':0}").replace('\'', '"'));
        Query built = Query.filter(Filters.where("role").eq("admin").and(Filters.where("created_at").gt("2023-01-01")))
                .sort("name", Direction.DESC).limit(10).offset(0);
        assertEquals(built, parsed);
        check(parsed, "u3", "u1");
    }

    @Test
    void explainShowsAnEqualityIndexScan() {
        Explanation plan = indexed.explain(Query.filter(Filters.where("email").eq("bob@x")));
        assertEquals(Explanation.Access.INDEX_SCAN, plan.access());
        assertEquals("email", plan.index().orElseThrow());
        assertEquals(List.of("email = \"bob@x\""), plan.keyRanges());
        assertEquals(Filters.all(), plan.residual());
    }

    @Test
    void explainShowsACompoundIndexWithEqualityThenRange() {
        Explanation plan = indexed.explain(Query.parse(
                "{\"filters\":{\"role\":\"admin\",\"created_at\":{\"$gt\":\"2023-01-01\"},\"name\":{\"$regex\":\"a\"}}}"));
        assertEquals("role_created_at", plan.index().orElseThrow());
        assertEquals(List.of("role = \"admin\", created_at > \"2023-01-01\""), plan.keyRanges());
        assertEquals(Filters.where("name").regex("a"), plan.residual());
        assertTrue(plan.toString().contains("index scan on 'role_created_at'"), plan.toString());
    }

    @Test
    void explainShowsSortAndLimitServedByTheIndex() {
        Explanation plan = indexed.explain(Query.filter(Filters.where("age").gt(20)).sort("age", Direction.DESC).limit(2));
        assertEquals("age", plan.index().orElseThrow());
        assertTrue(plan.sortFromIndex());
        assertTrue(plan.limitPushdown());
        assertTrue(plan.reverse());
        check(Query.filter(Filters.where("age").gt(20)).sort("age", Direction.DESC).limit(2), "u4", "u1");
    }

    @Test
    void explainUsesAnIndexForOrderAloneWhenLimited() {
        Explanation plan = indexed.explain(Query.all().sort("name", Direction.ASC).limit(3));
        assertEquals("name", plan.index().orElseThrow());
        assertTrue(plan.sortFromIndex());
        assertEquals(Explanation.Access.FULL_SCAN, indexed.explain(Query.all().sort("name", Direction.ASC)).access());
    }

    @Test
    void explainShowsIdLookupsAndFullScans() {
        Explanation byId = indexed.explain(Query.filter(Filters.where("id").in("u2", "u1")));
        assertEquals(Explanation.Access.PRIMARY_KEY, byId.access());
        assertEquals(2, byId.keyRanges().size());
        check(Query.filter(Filters.where("id").in("u2", "u1")), "u1", "u2");
        Explanation or = indexed.explain(Query.filter(Filters.parse("{\"$or\":[{\"age\":1},{\"active\":true}]}")));
        assertEquals(Explanation.Access.FULL_SCAN, or.access(), "one operand no index serves makes the $or a full scan");
        assertFalse(or.candidates().isEmpty());
    }

    @Test
    void orOverIndexedFieldsIsAUnionTakingEachDocumentOnce() {
        Query query = Query.filter(Filters.parse("{\"$or\":[{\"age\":25},{\"tags\":\"a\"},{\"email\":\"charlie@x\"},{\"name\":\"eve\"}]}"));
        Explanation plan = indexed.explain(query);
        assertEquals(Explanation.Access.INDEX_UNION, plan.access());
        assertEquals(List.of("age", "tags", "email", "name"),
                plan.branches().stream().map(branch -> branch.index().orElseThrow()).toList());
        check(query, "u1", "u2", "u3", "u5");
        check(query.sort("name", Direction.DESC).limit(3), "u5", "u3", "u2");
    }

    @Test
    void orBranchesInTheRequestedOrderAreMergedAndStopAtTheLimit() {
        Query query = Query.filter(Filters.parse("{\"$or\":[{\"role\":\"customer\"},{\"role\":\"admin\"}]}"))
                .sort("created_at", Direction.DESC).limit(2);
        Explanation plan = indexed.explain(query);
        assertEquals(Explanation.Access.INDEX_UNION, plan.access());
        assertTrue(plan.sortFromIndex());
        assertTrue(plan.limitPushdown());
        check(query, "u3", "u1");
        check(query.limit(5).offset(1), "u1", "u2");
    }

    @Test
    void orInsideAndUsesTheOtherConditionsInEachBranch() {
        Query query = Query.filter(Filters.parse("{\"role\":\"admin\",\"$or\":[{\"created_at\":{\"$gte\":\"2023-05-01\"}},"
                + "{\"created_at\":\"2023-03-01\"},{\"created_at\":\"2022-12-31\"}]}"));
        Explanation plan = indexed.explain(query);
        assertEquals(Explanation.Access.INDEX_UNION, plan.access());
        assertEquals(List.of("role = \"admin\", created_at >= \"2023-05-01\""), plan.branches().get(0).keyRanges());
        check(query, "u1", "u3");
    }

    @Test
    void multikeyIndexNeitherSortsNorDuplicates() {
        Explanation plan = indexed.explain(Query.filter(Filters.where("tags").in("a", "b")).sort("tags", Direction.ASC));
        assertEquals("tags", plan.index().orElseThrow());
        assertFalse(plan.sortFromIndex());
        check(Query.filter(Filters.where("tags").in("a", "b")), "u1", "u2");
    }

    @Test
    void indexScansRacingWritesReturnOnlyMatchingDocumentsOnce() throws Exception {
        DocumentCollection flags = open(b -> b.collection(CollectionSchema.builder("flags")
                .index(IndexDefinition.of("s")).build()), "racing").collection("flags");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(doc("{'id':" + i + ",'s':'A'}"));
        }
        flags.createBatch(batch);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            Random random = new Random(7);
            while (!stop.get()) {
                flags.put(doc("{'id':" + random.nextInt(200) + ",'s':'" + (random.nextBoolean() ? "A" : "B") + "'}"));
            }
        });
        writer.start();
        try {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            while (System.nanoTime() < end) {
                List<Document> found = flags.query(Query.filter(Filters.where("s").eq("A")));
                assertTrue(found.stream().allMatch(d -> "A".equals(d.getString("s"))), "a non-matching document came back");
                assertEquals(found.size(), new HashSet<>(ids(found)).size(), "a document came back twice");
            }
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    @Test
    void streamingWalksALargeCollectionLazily() {
        DocumentCollection big = store.collection("big");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            batch.add(doc("{'id':" + i + ",'v':" + (i % 7) + "}"));
        }
        big.createBatch(batch);
        try (Stream<Document> stream = big.stream(Query.filter(Filters.where("v").eq(3)))) {
            Iterator<Document> it = stream.iterator();
            assertEquals(3L, it.next().id());
            assertEquals(10L, it.next().id());
        }
        try (Stream<Document> stream = big.stream(Query.all())) {
            assertEquals(5_000, stream.count());
        }
        assertEquals(714, big.count(Filters.where("v").eq(3)));
    }
}
