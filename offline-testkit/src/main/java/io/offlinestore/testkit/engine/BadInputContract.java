package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.offlinestore.BackendNotFoundException;
import io.offlinestore.ConfigurationException;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentLimits;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStore;
import io.offlinestore.QueryException;
import io.offlinestore.StorageException;
import io.offlinestore.StoreOptions;
import io.offlinestore.TypedCollection;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.SmileDocumentCodec;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private OfflineStore store;
    private DocumentCollection users;
    private List<Document> before;

    @BeforeEach
    void seed() {
        store = open(b -> b.collection(CollectionSchema.builder("users")
                .index(IndexDefinition.unique("email")).index(IndexDefinition.of("age")).build()));
        users = store.collection("users");
        users.createBatch(List.of(doc("{'id':'u1','email':'a@x','age':30}"), doc("{'id':'u2','email':'b@x','age':40}")));
        before = all(users);
    }

    private void assertUnchanged() {
        assertEquals(before, all(users));
        assertEquals(1, users.count(Filters.where("email").eq("a@x")));
        assertEquals(2, users.count(Filters.where("age").gte(0)));
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
    void numbersTheStoreCannotHoldExactlyAreRefusedNamingTheField() {
        for (String number : List.of("1e2147483646", "1e-1073741825", "1e1073741825", "1e1000001")) {
            Document bad = Document.parse("{\"id\":\"n\",\"a\":{\"b\":" + number + "}}");
            InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> users.create(bad), number);
            assertTrue(e.getMessage().contains("'a.b'") && e.getMessage().contains("users"), e.getMessage());
            assertThrows(InvalidDocumentException.class, () -> users.put(bad), number);
            assertThrows(InvalidDocumentException.class, () -> users.patch("u1", Document.parse("{\"age\":" + number + "}")));
        }
        assertUnchanged();
        assertTrue(users.get("n").isEmpty());
    }

    @Test
    void numbersWithinTheLimitsAreStoredExactlyAndIndexedAsStored() {
        List<String> numbers = List.of("1e999999", "1e-999999", "-123456789012345678901234567890.123456789",
                "1" + "0".repeat(DocumentLimits.MAX_NUMBER_DIGITS - 1), "4.9e-324", "1.7976931348623157e308");
        for (int i = 0; i < numbers.size(); i++) {
            users.create(Document.parse("{\"id\":\"n" + i + "\",\"email\":\"n" + i + "@x\",\"age\":" + numbers.get(i) + "}"));
        }
        for (int i = 0; i < numbers.size(); i++) {
            BigDecimal expected = new BigDecimal(numbers.get(i));
            assertEquals(0, expected.compareTo(users.get("n" + i).orElseThrow().getDecimal("age")), numbers.get(i));
            assertEquals(1, users.count(Filters.where("age").eq(expected)), numbers.get(i));
        }
        assertTrue(store.check().isHealthy(), store.check().problems().toString());
        assertEquals(numbers.size() + 2, users.count(Filters.where("age").gte(new BigDecimal("-1e999999"))));
    }

    @Test
    void documentsBeyondTheCodecLimitsAreRefusedAndNothingIsWritten() {
        List<Document> poison = List.of(
                Document.of(Map.of("id", "p", "k".repeat(DocumentLimits.MAX_FIELD_NAME_LENGTH + 1), 1)),
                Document.of(Map.of("id", "p", "s", "x".repeat(DocumentLimits.MAX_STRING_LENGTH + 1))),
                Document.of(Map.of("id", "p", "i", BigInteger.TWO.pow(10_000))),
                Document.parse("{\"id\":\"p\",\"s\":\"lone \\ud800 surrogate\"}"),
                Document.of(Map.of("id", "p", "bad\udc00name", 1)));
        for (Document document : poison) {
            InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> users.create(document));
            assertTrue(e.getMessage().contains("users") && e.getMessage().contains("\"p\""), e.getMessage());
            assertThrows(InvalidDocumentException.class, () -> users.put(document));
            assertThrows(InvalidDocumentException.class,
                    () -> users.createBatch(List.of(doc("{'id':'ok','email':'ok@x'}"), document)));
            assertThrows(InvalidDocumentException.class, () -> users.update(document.with("id", "u1")));
            assertThrows(InvalidDocumentException.class, () -> users.patch("u2", document.without("id")));
        }
        assertTrue(users.get("p").isEmpty());
        assertTrue(users.get("ok").isEmpty());
        assertUnchanged();
        users.update(doc("{'id':'u2','email':'b@x','age':40,'note':'still writable'}"));
        assertTrue(users.delete("u2"));
    }

    @Test
    void aRecordStoredBeyondTheLimitsByAnEarlierVersionStaysReadableAndDeletable() {
        store.close();
        DocumentCollection notes = openExposingBackend(b -> b, b -> b).collection("notes");
        notes.create(doc("{'id':'n1','text':'fine'}"));
        notes.create(doc("{'id':'n2','text':'replaced below'}"));
        ObjectNode body = EngineJson.MAPPER.createObjectNode().put("id", "n2").put("k".repeat(60_000), 1);
        body.put("big", BigInteger.TWO.pow(10_000));
        byte[] record = new RecordFormat(new SmileDocumentCodec()).encode(new StoredRecord(1, 1, 0, 0, body));
        backend.apply(new WriteBatch().put("doc.notes", KeyCodec.encode(TextNode.valueOf("n2")), record));

        assertEquals(BigInteger.TWO.pow(10_000), notes.get("n2").orElseThrow().getDecimal("big").toBigIntegerExact());
        assertEquals(List.of("n1", "n2"), ids(all(notes)));
        notes.update(doc("{'id':'n1','text':'still writable'}"));
        assertTrue(notes.delete("n2"));
        assertEquals(List.of("n1"), ids(all(notes)));
    }

    @Test
    void aDamagedRecordIsSkippedByQueriesNamedByGetAndCanBeDeletedOrOverwritten() {
        store.close();
        OfflineStore damaged = openExposingBackend(b -> b.collection(CollectionSchema.builder("notes")
                .index(IndexDefinition.of("text")).index(IndexDefinition.of("tags")).build()), b -> b);
        DocumentCollection notes = damaged.collection("notes");
        notes.createBatch(List.of(doc("{'id':'n1','text':'a'}"), doc("{'id':'n2','text':'b','tags':['x','y']}"),
                doc("{'id':'n3','text':'c'}")));
        for (String broken : List.of("n2", "n3")) {
            byte[] record = backend.get("doc.notes", KeyCodec.encode(TextNode.valueOf(broken)));
            byte[] garbled = Arrays.copyOf(record, record.length);
            Arrays.fill(garbled, garbled.length - 6, garbled.length, (byte) 0xFF);
            backend.apply(new WriteBatch().put("doc.notes", KeyCodec.encode(TextNode.valueOf(broken)),
                    broken.equals("n3") ? new byte[] {9, 9} : garbled));
        }

        StorageException unreadable = assertThrows(StorageException.class, () -> notes.get("n2"));
        assertTrue(unreadable.getMessage().contains("notes") && unreadable.getMessage().contains("\"n2\""),
                unreadable.getMessage());
        assertThrows(StorageException.class, () -> notes.update(doc("{'id':'n2','text':'z'}")));
        assertEquals(List.of("n1"), ids(all(notes)), "a scan goes on around damaged records");
        assertEquals(List.of("n1"), ids(notes.query(Query.filter(Filters.where("text").gte("a")))));
        assertTrue(!damaged.check().isHealthy(), "check() reports the damaged records");

        assertTrue(notes.delete("n2"));
        notes.put(doc("{'id':'n3','text':'fixed'}"));
        assertTrue(damaged.check().isHealthy(), damaged.check().problems().toString());
        assertEquals(List.of("n1", "n3"), ids(notes.query(Query.filter(Filters.where("text").gte("a")))));
        assertEquals(0, notes.count(Filters.where("tags").eq("x")));
    }

    @Test
    void numbersOutOfRangeInFiltersAndQueriesAreQueryErrors() {
        String tiny = "1e-2147483648";
        assertThrows(QueryException.class, () -> Query.parse("{\"filters\":{\"age\":" + tiny + "}}"));
        assertThrows(QueryException.class, () -> Filters.parse("{\"age\":{\"$gt\":" + tiny + "}}"));
        assertThrows(InvalidDocumentException.class, () -> Document.parse("{\"id\":\"x\",\"a\":" + tiny + "}"));
        String huge = "1e2147483647";
        QueryException e = assertThrows(QueryException.class,
                () -> users.query(Query.parse("{\"filters\":{\"age\":{\"$gte\":" + huge + "}}}")));
        assertEquals("filters.age.$gte", e.clause());
        assertThrows(QueryException.class, () -> users.count(Filters.parse("{\"age\":{\"$in\":[1," + huge + "]}}")));
        assertThrows(QueryException.class, () -> users.count(Filters.where("email").eq(new BigDecimal(huge))));
        assertUnchanged();
    }

    @Test
    void aNonFiniteIdIsAnInvalidDocument() {
        for (double id : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            Map<String, Object> fields = new HashMap<>();
            fields.put("id", id);
            fields.put("email", "nan@x");
            Document document = Document.of(fields);
            assertThrows(InvalidDocumentException.class, document::id);
            assertThrows(InvalidDocumentException.class, () -> users.create(document));
            assertThrows(InvalidDocumentException.class, () -> users.get(id));
        }
        assertUnchanged();
    }

    @Test
    void nestingBeyondTheDepthLimitIsATypedErrorOnEveryPath() {
        int depth = 10_000;
        Map<String, Object> map = new HashMap<>();
        Map<String, Object> innermost = map;
        ObjectNode tree = EngineJson.MAPPER.createObjectNode();
        ObjectNode deepest = tree;
        for (int i = 0; i < depth; i++) {
            Map<String, Object> next = new HashMap<>();
            innermost.put("a", next);
            innermost = next;
            deepest = deepest.putObject("a");
        }
        assertThrows(InvalidDocumentException.class, () -> Document.of(map));
        assertThrows(InvalidDocumentException.class, () -> Document.of(tree));
        assertThrows(InvalidDocumentException.class,
                () -> Document.parse("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        assertThrows(InvalidDocumentException.class, () -> Document.empty().with("x", map));
        Map<String, Object> beyondTheLimit = new HashMap<>();
        Map<String, Object> level = beyondTheLimit;
        for (int i = 0; i < DocumentLimits.MAX_DEPTH + 50; i++) {
            Map<String, Object> next = new HashMap<>();
            level.put("a", next);
            level = next;
        }
        TypedCollection<Nested> typed = store.collection("users", Nested.class);
        assertThrows(InvalidDocumentException.class, () -> typed.create(new Nested("deep", "deep@x", beyondTheLimit)),
                "a typed value maps to a tree the engine takes as it is: the engine checks its depth");
        String notChain = "{\"$not\":".repeat(990) + "{\"$gt\":1}" + "}".repeat(990);
        for (int i = 0; i < 200; i++) {
            QueryException e = assertThrows(QueryException.class, () -> Query.parse("{\"filters\":{\"age\":" + notChain + "}}"));
            assertTrue(e.getMessage().contains("deeper than " + DocumentLimits.MAX_DEPTH), e.getMessage());
        }
        String deepArray = "[".repeat(999) + "1" + "]".repeat(999);
        assertThrows(QueryException.class, () -> Filters.parse("{\"a\":{\"$in\":[" + deepArray + "]}}"));
        assertThrows(QueryException.class, () -> Filters.where("a").eq(EngineJson.MAPPER.createArrayNode().add(tree)));

        Document deepButAllowed = Document.parse("{\"id\":\"d\",\"email\":\"d@x\",\"n\":" + "{\"a\":".repeat(DocumentLimits.MAX_DEPTH - 1)
                + "1" + "}".repeat(DocumentLimits.MAX_DEPTH - 1) + "}");
        users.create(deepButAllowed);
        assertEquals(deepButAllowed, users.get("d").orElseThrow());
    }

    @Test
    void elemMatchWithSeveralFieldsPrintsAsJsonThatParsesBack() {
        Filter filter = Filters.parse("{\"items\":{\"$elemMatch\":{\"sku\":\"k1\",\"qty\":2}}}");
        assertEquals(filter, Filters.parse(filter.toString()));
        Filter logical = Filters.parse("{\"items\":{\"$elemMatch\":{\"$or\":[{\"sku\":\"k1\"},{\"qty\":{\"$gt\":2}}]}}}");
        assertEquals(logical, Filters.parse(logical.toString()));
        users.create(doc("{'id':'u3','email':'c@x','items':[{'sku':'k1','qty':2},{'sku':'k2','qty':1}]}"));
        assertEquals(List.of("u3"), ids(users.query(Query.filter(Filters.parse(filter.toString())))));
        assertEquals(List.of("u3"), ids(users.query(Query.filter(logical))));
    }

    @Test
    void aStorePathThatIsAFileIsAConfigurationErrorSayingSo() throws IOException {
        assumeTrue(persistent(), "only a backend that keeps files opens a path");
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> OfflineStore.open(configure(file).build()));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void unknownBackendListsTheBackendsFound() {
        BackendNotFoundException e = assertThrows(BackendNotFoundException.class,
                () -> OfflineStore.open(StoreOptions.builder().backend("no-such-backend").path(directory).build()));
        assertTrue(e.getMessage().contains("no-such-backend"), e.getMessage());
        assertTrue(!e.available().isEmpty(), "at least the backend under test is found");
    }

    /** A typed value whose map nests as deep as the test makes it. */
    public record Nested(String id, String email, Map<String, Object> n) {
    }
}
