package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentNotFoundException;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Batch writes: all applied together, or none when any item fails.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code Batch}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class BatchContract extends EngineContractSupport {

    private DocumentCollection users() {
        return open(b -> b.collection(CollectionSchema.builder("users")
                .index(IndexDefinition.unique("email")).build())).collection("users");
    }

    @Test
    void createBatchStoresEveryDocument() {
        DocumentCollection users = users();
        users.createBatch(List.of(
                doc("{'id':'user1','name':'Alice','email':'alice@example.com'}"),
                doc("{'id':'user2','name':'Bob','email':'bob@example.com'}"),
                doc("{'id':'user3','name':'Charlie','email':'charlie@example.com'}")));
        assertEquals(List.of("user1", "user2", "user3"), ids(all(users)));
    }

    @Test
    void createBatchWithOneTakenIdWritesNothing() {
        DocumentCollection users = users();
        users.create(doc("{'id':'user2','email':'first@example.com'}"));
        assertThrows(DuplicateKeyException.class, () -> users.createBatch(List.of(
                doc("{'id':'user1','email':'a@example.com'}"),
                doc("{'id':'user2','email':'b@example.com'}"))));
        assertEquals(List.of("user2"), ids(all(users)));
        assertEquals("first@example.com", users.get("user2").orElseThrow().getString("email"));
    }

    @Test
    void createBatchRepeatingAnIdWithinTheBatchWritesNothing() {
        DocumentCollection users = users();
        assertThrows(DuplicateKeyException.class, () -> users.createBatch(List.of(
                doc("{'id':'x','email':'1@example.com'}"), doc("{'id':'x','email':'2@example.com'}"))));
        assertEquals(0, users.count());
    }

    @Test
    void createBatchRepeatingAUniqueValueWithinTheBatchWritesNothing() {
        DocumentCollection users = users();
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class, () -> users.createBatch(List.of(
                doc("{'id':'a','email':'same@example.com'}"), doc("{'id':'b','email':'same@example.com'}"))));
        assertEquals("email", e.index());
        assertEquals(0, users.count());
        assertEquals(0, users.count(Filters.where("email").eq("same@example.com")));
    }

    @Test
    void createBatchWithAnInvalidItemNamesItsPositionAndWritesNothing() {
        DocumentCollection users = users();
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> users.createBatch(List.of(
                doc("{'id':'a'}"), doc("{'name':'no id'}"))));
        assertTrue(e.getMessage().contains("batch item 1"), e.getMessage());
        assertEquals(0, users.count());
    }

    @Test
    void updateBatchMergesPartialsCarryingTheirIds() {
        DocumentCollection users = users();
        users.createBatch(List.of(doc("{'id':'user1','name':'Alice'}"), doc("{'id':'user2','name':'Bob'}")));
        users.updateBatch(List.of(doc("{'id':'user1','role':'admin'}"), doc("{'id':'user2','role':'editor'}")));
        assertEquals(doc("{'id':'user1','name':'Alice','role':'admin'}"), users.get("user1").orElseThrow());
        assertEquals(doc("{'id':'user2','name':'Bob','role':'editor'}"), users.get("user2").orElseThrow());
    }

    @Test
    void updateBatchWithAMissingDocumentChangesNothing() {
        DocumentCollection users = users();
        users.create(doc("{'id':'user1','name':'Alice'}"));
        assertThrows(DocumentNotFoundException.class, () -> users.updateBatch(List.of(
                doc("{'id':'user1','role':'admin'}"), doc("{'id':'ghost','role':'x'}"))));
        assertEquals(doc("{'id':'user1','name':'Alice'}"), users.get("user1").orElseThrow());
    }

    @Test
    void updateBatchThatWouldBreakAUniqueIndexChangesNothing() {
        DocumentCollection users = users();
        users.createBatch(List.of(doc("{'id':'a','email':'a@x'}"), doc("{'id':'b','email':'b@x'}")));
        assertThrows(DuplicateKeyException.class, () -> users.updateBatch(List.of(
                doc("{'id':'a','name':'renamed'}"), doc("{'id':'b','email':'a@x'}"))));
        assertEquals(doc("{'id':'a','email':'a@x'}"), users.get("a").orElseThrow());
        assertEquals(doc("{'id':'b','email':'b@x'}"), users.get("b").orElseThrow());
    }

    @Test
    void swappingUniqueValuesInOneBatchIsAllowed() {
        DocumentCollection users = users();
        users.createBatch(List.of(doc("{'id':'a','email':'a@x'}"), doc("{'id':'b','email':'b@x'}")));
        users.updateBatch(List.of(doc("{'id':'a','email':'b@x'}"), doc("{'id':'b','email':'a@x'}")));
        assertEquals("b@x", users.get("a").orElseThrow().getString("email"));
        assertEquals(List.of("b"), ids(users.query(Query.filter(
                Filters.where("email").eq("a@x")))));
    }

    @Test
    void putBatchCreatesOrReplacesAllOrNothing() {
        DocumentCollection users = users();
        users.create(doc("{'id':'a','email':'a@x','v':1}"));
        users.putBatch(List.of(doc("{'id':'a','email':'a@x','v':2}"), doc("{'id':'b','email':'b@x','v':1}")));
        assertEquals(2, users.get("a").orElseThrow().getInteger("v"));
        assertEquals(List.of("a", "b"), ids(all(users)));
        assertThrows(DuplicateKeyException.class, () -> users.putBatch(List.of(
                doc("{'id':'a','email':'a@x','v':3}"), doc("{'id':'c','email':'b@x'}"))));
        assertEquals(2, users.get("a").orElseThrow().getInteger("v"));
        assertEquals(List.of("a", "b"), ids(all(users)));
    }

    @Test
    void deleteBatchCountsWhatExisted() {
        DocumentCollection users = users();
        users.createBatch(List.of(doc("{'id':'user1'}"), doc("{'id':'user2'}"), doc("{'id':'user3'}")));
        assertEquals(2, users.deleteBatch(List.of("user1", "user3", "nobody")));
        assertEquals(List.of("user2"), ids(all(users)));
    }

    @Test
    void deleteBatchWithABadIdDeletesNothing() {
        DocumentCollection users = users();
        users.createBatch(List.of(doc("{'id':'user1'}"), doc("{'id':'user2'}")));
        assertThrows(InvalidDocumentException.class, () -> users.deleteBatch(List.of("user1", 1.5)));
        assertEquals(2, users.count());
    }

    @Test
    void largeBatchesApplyWhole() {
        DocumentCollection users = users();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            batch.add(doc("{'id':" + i + ",'email':'u" + i + "@x'}"));
        }
        users.createBatch(batch);
        assertEquals(2_000, users.count());
        assertEquals(1, users.count(Filters.where("email").eq("u1999@x")));
    }
}
