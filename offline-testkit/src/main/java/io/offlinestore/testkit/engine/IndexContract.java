package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Secondary indexes: declared, created over existing data, dropped, unique, compound and multikey.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code Index}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class IndexContract extends EngineContractSupport {

    private DocumentCollection collection(IndexDefinition... indexes) {
        CollectionSchema.Builder schema = CollectionSchema.builder("people");
        for (IndexDefinition index : indexes) {
            schema.index(index);
        }
        return open(b -> b.collection(schema.build())).collection("people");
    }

    private static Explanation.Access access(DocumentCollection c, String filterJson) {
        return c.explain(Query.filter(Filters.parse(filterJson.replace('\'', '"')))).access();
    }

    @Test
    void createIndexFillsItFromExistingDocuments() {
        DocumentCollection people = collection();
        people.createBatch(List.of(doc("{'id':1,'city':'Oslo'}"), doc("{'id':2,'city':'Rome'}"), doc("{'id':3,'city':'Oslo'}")));
        assertEquals(Explanation.Access.FULL_SCAN, access(people, "{'city':'Oslo'}"));
        people.createIndex(IndexDefinition.of("city"));
        assertEquals(Explanation.Access.INDEX_SCAN, access(people, "{'city':'Oslo'}"));
        assertEquals(List.of(1L, 3L), ids(people.query(Query.filter(Filters.where("city").eq("Oslo")))));
        assertEquals(2, people.count(Filters.where("city").eq("Oslo")));
        assertTrue(people.schema().index("city").isPresent());
    }

    @Test
    void creatingTheSameIndexTwiceIsHarmlessButRedefiningItIsAnError() {
        DocumentCollection people = collection(IndexDefinition.of("city"));
        people.createIndex(IndexDefinition.of("city"));
        assertThrows(ConfigurationException.class, () -> people.createIndex(IndexDefinition.unique("city")));
    }

    @Test
    void dropIndexStopsItsUseAndKeepsResults() {
        DocumentCollection people = collection(IndexDefinition.of("city"));
        people.createBatch(List.of(doc("{'id':1,'city':'Oslo'}"), doc("{'id':2,'city':'Rome'}")));
        assertTrue(people.dropIndex("city"));
        assertFalse(people.dropIndex("city"));
        assertEquals(Explanation.Access.FULL_SCAN, access(people, "{'city':'Oslo'}"));
        assertEquals(List.of(1L), ids(people.query(Query.filter(Filters.where("city").eq("Oslo")))));
        people.createIndex(IndexDefinition.of("city"));
        people.create(doc("{'id':3,'city':'Oslo'}"));
        assertEquals(List.of(1L, 3L), ids(people.query(Query.filter(Filters.where("city").eq("Oslo")))));
    }

    @Test
    void indexEntriesFollowUpdatesAndDeletes() {
        DocumentCollection people = collection(IndexDefinition.unique("email"), IndexDefinition.of("city"));
        people.create(doc("{'id':1,'email':'old@x','city':'Oslo'}"));
        people.update(doc("{'id':1,'email':'new@x','city':'Rome'}"));
        assertEquals(0, people.count(Filters.where("email").eq("old@x")));
        assertEquals(1, people.count(Filters.where("email").eq("new@x")));
        assertEquals(0, people.count(Filters.where("city").eq("Oslo")));
        people.create(doc("{'id':2,'email':'old@x'}"));
        people.delete(1);
        assertEquals(0, people.count(Filters.where("city").eq("Rome")));
        people.create(doc("{'id':3,'email':'new@x'}"));
    }

    @Test
    void uniqueIndexIgnoresNullAndMissingValues() {
        DocumentCollection people = collection(IndexDefinition.unique("email"));
        people.create(doc("{'id':1}"));
        people.create(doc("{'id':2}"));
        people.create(doc("{'id':3,'email':null}"));
        people.create(doc("{'id':4,'email':'a@x'}"));
        assertThrows(DuplicateKeyException.class, () -> people.create(doc("{'id':5,'email':'a@x'}")));
        assertEquals(List.of(1L, 2L, 3L), ids(people.query(Query.filter(Filters.where("email").eq(null)))));
    }

    @Test
    void uniqueValuesCompareByValue() {
        DocumentCollection people = collection(IndexDefinition.unique("badge"));
        people.create(doc("{'id':1,'badge':7}"));
        assertThrows(DuplicateKeyException.class, () -> people.create(doc("{'id':2,'badge':7.0}")));
        people.create(doc("{'id':3,'badge':'7'}"));
    }

    @Test
    void compoundUniqueIndexConsidersAllItsFields() {
        DocumentCollection people = collection(IndexDefinition.unique("last", "first"));
        people.create(doc("{'id':1,'last':'Lovelace','first':'Ada'}"));
        people.create(doc("{'id':2,'last':'Lovelace','first':'Byron'}"));
        assertThrows(DuplicateKeyException.class, () -> people.create(doc("{'id':3,'last':'Lovelace','first':'Ada'}")));
        Explanation plan = people.explain(Query.filter(Filters.where("last").eq("Lovelace")).sort("first", Direction.DESC));
        assertEquals("last_first", plan.index().orElseThrow());
        assertTrue(plan.sortFromIndex());
        assertEquals(List.of(2L, 1L), ids(people.query(Query.filter(Filters.where("last").eq("Lovelace"))
                .sort("first", Direction.DESC))));
    }

    @Test
    void multikeyIndexHoldsEveryElementAndEnforcesUniquenessPerElement() {
        DocumentCollection people = collection(IndexDefinition.unique("tags"));
        people.create(doc("{'id':1,'tags':['x','y','y']}"));
        assertThrows(DuplicateKeyException.class, () -> people.create(doc("{'id':2,'tags':['z','y']}")));
        people.create(doc("{'id':2,'tags':['z']}"));
        assertEquals(List.of(1L), ids(people.query(Query.filter(Filters.where("tags").eq("y")))));
        assertEquals(List.of(1L, 2L), ids(people.query(Query.filter(Filters.where("tags").in("x", "y", "z")))));
    }

    @Test
    void indexOverNestedPathsThroughArrays() {
        DocumentCollection people = collection(IndexDefinition.of("orders.total"));
        people.create(doc("{'id':1,'orders':[{'total':5},{'total':50}]}"));
        people.create(doc("{'id':2,'orders':[{'total':20}]}"));
        people.create(doc("{'id':3,'orders':[{'note':'none'}]}"));
        assertEquals(Explanation.Access.INDEX_SCAN, access(people, "{'orders.total':{'$gt':10}}"));
        assertEquals(List.of(1L, 2L), ids(people.query(Query.filter(Filters.where("orders.total").gt(10)))));
        assertEquals(List.of(1L), ids(people.query(Query.filter(Filters.parse(
                "{\"orders.total\":{\"$gt\":10,\"$lt\":8}}")))), "different elements may meet each bound");
        assertEquals(List.of(3L), ids(people.query(Query.filter(Filters.where("orders.total").eq(null)))));
    }

    @Test
    void valuesThatExtendAnotherValuesEncodingStayDistinct() {
        DocumentCollection people = collection(IndexDefinition.unique("tag"));
        people.create(Document.of(Map.of("id", 1, "tag", "a\u0000")));
        people.create(Document.of(Map.of("id", 2, "tag", "a")));
        people.create(Document.of(Map.of("id", 3, "tag", "a\u0000b")));
        assertEquals(List.of(2L), ids(people.query(Query.filter(Filters.where("tag").eq("a")))));
        assertEquals(List.of(1L, 3L), ids(people.query(Query.filter(Filters.where("tag").gt("a")))));
        assertEquals(List.of(1L, 2L), ids(people.query(Query.filter(Filters.where("tag").lte("a\u0000")))));
        assertThrows(DuplicateKeyException.class, () -> people.create(Document.of(Map.of("id", 4, "tag", "a"))));
        assertTrue(people.query(Query.all()).stream().allMatch(d -> d.getString("tag").startsWith("a")));
    }

    @Test
    void droppingAndRecreatingAnIndexDoesNotDisturbQueriesInFlight() throws Exception {
        DocumentCollection people = collection();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            docs.add(doc("{'id':" + i + ",'s':" + (i % 5) + "}"));
        }
        people.createBatch(docs);
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!stop.get()) {
                people.createIndex(IndexDefinition.of("s").named("s_idx"));
                people.dropIndex("s_idx");
            }
        });
        churn.start();
        try {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
            while (System.nanoTime() < end) {
                assertEquals(10, people.query(Query.filter(Filters.where("s").eq(3))).size());
            }
        } finally {
            stop.set(true);
            churn.join();
        }
    }

    @Test
    void declaredIndexesAppearInTheSchema() {
        DocumentCollection people = collection(IndexDefinition.unique("email"), IndexDefinition.of("last", "first"));
        assertEquals(List.of(IndexDefinition.unique("email"), IndexDefinition.of("last", "first")), people.schema().indexes());
    }
}
