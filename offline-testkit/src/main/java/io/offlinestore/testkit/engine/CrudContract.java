package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentNotFoundException;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStore;
import io.offlinestore.TypedCollection;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Single-document create, read, update, patch, delete and typed access, on any backend.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code Crud}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class CrudContract extends EngineContractSupport {

    @Test
    void createdDocumentReadsBackEqual() {
        DocumentCollection users = open().collection("users");
        Document alice = doc("{'id':'u1','name':'Alice','age':31,'tags':['a','b'],'address':{'city':'Oslo'}}");
        users.create(alice);
        Document read = users.get("u1").orElseThrow();
        assertEquals(alice, read);
        assertEquals("Oslo", read.getString("address.city"));
        assertEquals("u1", read.id());
    }

    @Test
    void getOfUnknownIdIsEmpty() {
        DocumentCollection users = open().collection("users");
        assertEquals(Optional.empty(), users.get("nobody"));
        users.create(doc("{'id':'u1'}"));
        assertEquals(Optional.empty(), users.get("u2"));
    }

    @Test
    void numericIdsMatchWhateverTheirJavaType() {
        DocumentCollection items = open().collection("items");
        items.create(doc("{'id':7,'name':'seven'}"));
        assertTrue(items.get(7).isPresent());
        assertTrue(items.get(7L).isPresent());
        assertTrue(items.get(new BigDecimal("7.0")).isPresent());
        assertEquals(7L, items.get(7).orElseThrow().id());
        assertFalse(items.get("7").isPresent(), "the string \"7\" is another id than the number 7");
    }

    @Test
    void createWithTakenIdFailsAndKeepsTheOriginal() {
        DocumentCollection users = open().collection("users");
        users.create(doc("{'id':'u1','name':'Alice'}"));
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class,
                () -> users.create(doc("{'id':'u1','name':'Mallory'}")));
        assertTrue(e.getMessage().contains("users") && e.getMessage().contains("u1"), e.getMessage());
        assertEquals("Alice", users.get("u1").orElseThrow().getString("name"));
    }

    @Test
    void updateReplacesTheWholeDocument() {
        DocumentCollection users = open().collection("users");
        users.create(doc("{'id':'u1','name':'Alice','role':'customer'}"));
        users.update(doc("{'id':'u1','name':'Alice B'}"));
        Document read = users.get("u1").orElseThrow();
        assertEquals("Alice B", read.getString("name"));
        assertFalse(read.has("role"), "update replaces, so fields not given are gone");
    }

    @Test
    void updateOfMissingDocumentFailsAndCreatesNothing() {
        DocumentCollection users = open().collection("users");
        DocumentNotFoundException e = assertThrows(DocumentNotFoundException.class,
                () -> users.update(doc("{'id':'ghost','name':'x'}")));
        assertEquals("ghost", e.id());
        assertEquals("users", e.collection());
        assertEquals(0, users.count());
    }

    @Test
    void putCreatesOrReplaces() {
        DocumentCollection users = open().collection("users");
        users.put(doc("{'id':'u1','v':1}"));
        users.put(doc("{'id':'u1','v':2}"));
        assertEquals(2, users.get("u1").orElseThrow().getInteger("v"));
        assertEquals(1, users.count());
    }

    @Test
    void patchMergesLikeJsonMergePatch() {
        DocumentCollection users = open().collection("users");
        users.create(doc("{'id':'u1','name':'Alice','role':'customer','address':{'city':'Oslo','zip':'0150'}}"));
        Document patched = users.patch("u1", doc("{'role':null,'address':{'city':'Bergen'},'age':40}"));
        assertEquals(doc("{'id':'u1','name':'Alice','address':{'city':'Bergen','zip':'0150'},'age':40}"), patched);
        assertEquals(patched, users.get("u1").orElseThrow());
    }

    @Test
    void patchCannotChangeTheId() {
        DocumentCollection users = open().collection("users");
        users.create(doc("{'id':'u1','name':'Alice'}"));
        assertThrows(InvalidDocumentException.class, () -> users.patch("u1", doc("{'id':'u2'}")));
        assertThrows(InvalidDocumentException.class, () -> users.patch("u1", doc("{'id':null}")));
        assertEquals(doc("{'id':'u1','name':'Alice'}"), users.get("u1").orElseThrow());
        assertFalse(users.get("u2").isPresent());
    }

    @Test
    void patchOfMissingDocumentFails() {
        DocumentCollection users = open().collection("users");
        assertThrows(DocumentNotFoundException.class, () -> users.patch("nobody", doc("{'a':1}")));
    }

    @Test
    void deleteReportsWhetherTheDocumentExisted() {
        DocumentCollection users = open().collection("users");
        users.create(doc("{'id':'u1'}"));
        assertTrue(users.delete("u1"));
        assertFalse(users.delete("u1"));
        assertFalse(users.get("u1").isPresent());
        users.create(doc("{'id':'u1','again':true}"));
        assertTrue(users.get("u1").orElseThrow().getBoolean("again"));
    }

    @Test
    void customKeyPathAndGeneratedIds() {
        OfflineStore store = open(b -> b
                .collection(CollectionSchema.builder("notes").keyPath("meta.uid").generateIds(true).build()));
        DocumentCollection notes = store.collection("notes");
        Document first = notes.create(doc("{'text':'one'}"));
        Document second = notes.create(doc("{'text':'two'}"));
        assertNotNull(first.id());
        assertTrue(first.id() instanceof String);
        assertTrue(!first.id().equals(second.id()));
        assertEquals("one", notes.get(first.id()).orElseThrow().getString("text"));
        assertEquals(first.id(), first.getString("meta.uid"));
        notes.create(doc("{'meta':{'uid':'given'},'text':'three'}"));
        assertTrue(notes.get("given").isPresent());
    }

    @Test
    void undeclaredCollectionsAppearOnFirstWrite() {
        OfflineStore store = open();
        DocumentCollection logs = store.collection("logs");
        assertEquals(0, logs.count());
        assertFalse(store.collectionNames().contains("logs"));
        logs.create(doc("{'id':1}"));
        assertTrue(store.collectionNames().contains("logs"));
        assertTrue(logs.schema().indexes().isEmpty());
    }

    @Test
    void documentsAreIndependentOfTheCallersObjects() {
        DocumentCollection users = open().collection("users");
        Document original = doc("{'id':'u1','tags':['a']}");
        users.create(original);
        Document read = users.get("u1").orElseThrow();
        read.toJsonNode().put("tags", "changed");
        assertEquals(List.of("a"), users.get("u1").orElseThrow().getList("tags"));
    }

    @Test
    void typedCollectionsMapPojosWithJackson() {
        TypedCollection<Person> people = open().collection("people", Person.class);
        people.create(new Person("p1", "Ada", 36));
        people.create(new Person("p2", "Alan", 41));
        assertEquals(new Person("p1", "Ada", 36), people.get("p1").orElseThrow());
        assertEquals(Map.of("id", "p2", "name", "Alan", "age", 41), people.documents().get("p2").orElseThrow().toMap());
        assertEquals(List.of(new Person("p2", "Alan", 41)), people.query(Query.filter(
                Filters.where("age").gt(40))));
    }

    /** A record mapped by the typed collection test. */
    public record Person(String id, String name, int age) {
    }
}
