package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.BackendNotFoundException;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStore;
import io.offlinestore.QueryException;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a typed exception naming what was wrong and where, and leaves the store as it
 * was.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code BadInput}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class BadInputContract extends EngineContractSupport {
    private DocumentCollection users;
    private List<Document> before;

    @BeforeEach
    void seed() {
        OfflineStore store = open(b -> b.collection(CollectionSchema.builder("users")
                .index(IndexDefinition.unique("email")).index(IndexDefinition.of("age")).build()));
        users = store.collection("users");
        users.createBatch(List.of(doc("{'id':'u1','email':'a@x','age':30}"), doc("{'id':'u2','email':'b@x','age':40}")));
        before = all(users);
    }

    private void assertUnchanged() {
        assertEquals(before, all(users));
        assertEquals(1, users.count(io.offlinestore.query.Filters.where("email").eq("a@x")));
        assertEquals(2, users.count(io.offlinestore.query.Filters.where("age").gte(0)));
    }

    @Test
    void malformedQueryJsonSaysWhere() {
        QueryException e = assertThrows(QueryException.class, () -> Query.parse("{\"filters\": {\"age\": }"));
        assertTrue(e.getMessage().contains("not valid JSON") && e.getMessage().contains("line 1"), e.getMessage());
        assertUnchanged();
    }

    @Test
    void unknownOperatorNamesTheClause() {
        QueryException e = assertThrows(QueryException.class,
                () -> users.query(Query.parse("{\"filters\":{\"age\":{\"$gtx\":5}}}")));
        assertEquals("filters.age.$gtx", e.clause());
        assertTrue(e.getMessage().contains("$gtx"), e.getMessage());
        assertUnchanged();
    }

    @Test
    void inWithoutAnArrayNamesTheClause() {
        QueryException e = assertThrows(QueryException.class,
                () -> Query.parse("{\"filters\":{\"role\":{\"$in\":\"admin\"}}}"));
        assertEquals("filters.role.$in", e.clause());
        assertTrue(e.getMessage().contains("array"), e.getMessage());
        assertUnchanged();
    }

    @Test
    void unknownTopLevelOperatorAndBadSortAreRejected() {
        assertEquals("filters.$where", assertThrows(QueryException.class,
                () -> Query.parse("{\"filters\":{\"$where\":\"1\"}}")).clause());
        assertEquals("sort[0].direction", assertThrows(QueryException.class,
                () -> Query.parse("{\"sort\":[{\"field\":\"a\",\"direction\":\"sideways\"}]}")).clause());
        assertEquals("limit", assertThrows(QueryException.class, () -> Query.parse("{\"limit\":-1}")).clause());
        assertEquals("bogus", assertThrows(QueryException.class, () -> Query.parse("{\"bogus\":1}")).clause());
    }

    @Test
    void documentThatIsNotAnObjectIsRejected() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> Document.parse("[1,2]"));
        assertTrue(e.getMessage().contains("object"), e.getMessage());
        assertThrows(InvalidDocumentException.class, () -> Document.parse("{\"id\": "));
        assertUnchanged();
    }

    @Test
    void documentWithoutItsKeyNamesCollectionAndKeyPath() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> users.create(doc("{'email':'c@x'}")));
        assertTrue(e.getMessage().contains("users") && e.getMessage().contains("'id'"), e.getMessage());
        assertUnchanged();
    }

    @Test
    void idOfUnsupportedTypeIsRejected() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> users.create(doc("{'id':{'nested':1},'email':'c@x'}")));
        assertTrue(e.getMessage().contains("id"), e.getMessage());
        assertThrows(InvalidDocumentException.class, () -> users.create(doc("{'id':1.5,'email':'c@x'}")));
        assertUnchanged();
    }

    @Test
    void duplicateUniqueValueNamesTheIndexAndTheValue() {
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class,
                () -> users.create(doc("{'id':'u3','email':'a@x','age':50}")));
        assertEquals("email", e.index());
        assertEquals("users", e.collection());
        assertTrue(e.getMessage().contains("a@x") && e.getMessage().contains("u1"), e.getMessage());
        assertUnchanged();
    }

    @Test
    void updateToADuplicateUniqueValueKeepsTheOldDocumentAndEntries() {
        assertThrows(DuplicateKeyException.class, () -> users.update(doc("{'id':'u2','email':'a@x','age':41}")));
        assertThrows(DuplicateKeyException.class, () -> users.patch("u2", doc("{'email':'a@x'}")));
        assertUnchanged();
    }

    @Test
    void creatingAUniqueIndexOverDuplicatesFailsAndLeavesNoIndex() {
        users.create(doc("{'id':'u3','email':'c@x','age':30}"));
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class,
                () -> users.createIndex(IndexDefinition.unique("age").named("age_unique")));
        assertEquals("age_unique", e.index());
        assertTrue(users.schema().index("age_unique").isEmpty());
        users.create(doc("{'id':'u4','email':'d@x','age':30}"));
    }

    @Test
    void unknownBackendListsTheBackendsFound() {
        BackendNotFoundException e = assertThrows(BackendNotFoundException.class,
                () -> OfflineStore.open(StoreOptions.builder().backend("no-such-backend").path(directory).build()));
        assertTrue(e.getMessage().contains("no-such-backend"), e.getMessage());
        assertTrue(!e.available().isEmpty(), "at least the backend under test is found");
    }
}
