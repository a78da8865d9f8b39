package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Query;
import io.offlinestore.query.SortKey;
import io.offlinestore.schema.IndexDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Sorting on fields that hold arrays follows MongoDB, with and without indexes: a differential
 * property comparing the engine with a reference sort written here from MongoDB's rules (an
 * array sorts by its smallest element ascending and its largest descending, an empty array
 * below null and missing, nested arrays as arrays, ties by id), over documents with arrays,
 * nested and empty arrays, mixed types and missing fields.
 */
public abstract class ArraySortContract {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("a", "b", "o.x");

    private Path directory;
    private OfflineStore store;
    private int collections;

    /** Options selecting the backend under test, storing under {@code directory}. */
    protected abstract StoreOptions.Builder configure(Path directory);

    @BeforeProperty
    void openStore() throws IOException {
        directory = Files.createTempDirectory("array-sort");
        store = OfflineStore.open(configure(directory).build());
    }

    @AfterProperty
    void closeStore() {
        store.close();
        Directories.deleteTree(directory);
    }

    @Property(tries = 40)
    void theEngineSortsArraysAsMongoDbDoes(@ForAll("documents") List<ObjectNode> documents,
                                           @ForAll("sorts") List<SortKey> sort,
                                           @ForAll boolean indexed,
                                           @ForAll("limits") int limit) {
        DocumentCollection collection = store.collection("sorted" + collections++);
        if (indexed) {
            FIELDS.forEach(field -> collection.createIndex(IndexDefinition.of(field)));
            collection.createIndex(IndexDefinition.of("a", "b"));
        }
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            stored.add(Document.of(documents.get(i).deepCopy().put("id", i)));
        }
        collection.createBatch(stored);
        Query query = Query.all();
        for (SortKey key : sort) {
            query = query.sort(key.field(), key.direction());
        }
        if (limit > 0) {
            query = query.limit(limit);
        }
        List<Object> expected = stored.stream().sorted(reference(sort)).map(Document::id)
                .limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
        List<Object> actual = collection.query(query).stream().map(Document::id).toList();
        assertEquals(expected, actual, "sort " + sort + ", limit " + limit + ", indexed " + indexed + "\n"
                + collection.explain(query));
    }

    @Provide
    Arbitrary<List<ObjectNode>> documents() {
        Arbitrary<ObjectNode> document = Combinators.combine(field(), field(), field())
                .as((a, b, x) -> {
                    ObjectNode doc = NODES.objectNode();
                    set(doc, "a", a);
                    set(doc, "b", b);
                    if (x != null) {
                        doc.putObject("o").set("x", x);
                    }
                    return doc;
                });
        return document.list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<SortKey>> sorts() {
        Arbitrary<SortKey> key = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(Direction.class))
                .as(SortKey::new);
        return key.list().ofMinSize(1).ofMaxSize(2).uniqueElements(SortKey::field);
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.of(0, 0, 1, 3);
    }

    private static void set(ObjectNode doc, String field, JsonNode value) {
        if (value != null) {
            doc.set(field, value);
        }
    }

    /** A field's value: missing (null here), a scalar, or an array (empty, mixed, nested). */
    private static Arbitrary<JsonNode> field() {
        Arbitrary<JsonNode> scalar = scalar();
        Arbitrary<JsonNode> array = Arbitraries.oneOf(scalar, scalar, scalar, nestedArray()).list().ofMaxSize(3)
                .map(elements -> {
                    ArrayNode node = NODES.arrayNode();
                    elements.forEach(node::add);
                    return node;
                });
        return Arbitraries.oneOf(scalar, array, array, Arbitraries.just(null));
    }

    private static Arbitrary<JsonNode> nestedArray() {
        return Arbitraries.integers().between(0, 3).list().ofMaxSize(2).map(values -> {
            ArrayNode node = NODES.arrayNode();
            values.forEach(node::add);
            return node;
        });
    }

    private static Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 9).map(NODES::numberNode),
                Arbitraries.of("0.5", "2.5", "9.5").map(text -> NODES.numberNode(new BigDecimal(text))),
                Arbitraries.of("", "a", "b", "ab").map(NODES::textNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.integers().between(0, 2).map(k -> NODES.objectNode().put("k", k)));
    }

    /** The reference order, written from MongoDB's documented rules, independently of the engine. */
    private static Comparator<Document> reference(List<SortKey> sort) {
        Comparator<Document> order = (x, y) -> 0;
        for (SortKey key : sort) {
            boolean descending = key.direction() == Direction.DESC;
            Comparator<Document> byKey = (x, y) -> compareKeys(sortKey(x, key.field(), descending),
                    sortKey(y, key.field(), descending));
            order = order.thenComparing(descending ? byKey.reversed() : byKey);
        }
        Comparator<Document> byId = Comparator.comparingLong(d -> (Long) d.id());
        return order.thenComparing(sort.get(sort.size() - 1).direction() == Direction.DESC ? byId.reversed() : byId);
    }

    /** The sort key: the min or max element of an array, the value itself, null when missing; EMPTY for []. */
    private static JsonNode sortKey(Document document, String field, boolean descending) {
        JsonNode value = document.toJsonNode();
        for (String segment : field.split("\\.")) {
            value = value == null ? null : value.get(segment);
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (!value.isArray()) {
            return value;
        }
        if (value.isEmpty()) {
            return EMPTY;
        }
        JsonNode best = null;
        for (JsonNode element : value) {
            if (best == null || (descending ? compare(element, best) > 0 : compare(element, best) < 0)) {
                best = element;
            }
        }
        return best;
    }

    /** Marks an empty array: below every value. */
    private static final JsonNode EMPTY = NODES.arrayNode();

    private static int compareKeys(JsonNode x, JsonNode y) {
        if (x == EMPTY || y == EMPTY) {
            return x == y ? 0 : x == EMPTY ? -1 : 1;
        }
        return compare(x, y);
    }

    /** MongoDB's order over the values generated here: null, numbers, strings, objects, arrays, booleans. */
    private static int compare(JsonNode x, JsonNode y) {
        int byType = Integer.compare(rank(x), rank(y));
        if (byType != 0) {
            return byType;
        }
        if (x.isNumber()) {
            return x.decimalValue().compareTo(y.decimalValue());
        }
        if (x.isTextual()) {
            return x.textValue().compareTo(y.textValue());
        }
        if (x.isBoolean()) {
            return Boolean.compare(x.booleanValue(), y.booleanValue());
        }
        if (x.isContainerNode()) {
            Iterator<JsonNode> xs = x.elements();
            Iterator<JsonNode> ys = y.elements();
            while (xs.hasNext() && ys.hasNext()) {
                int byElement = compare(xs.next(), ys.next());
                if (byElement != 0) {
                    return byElement;
                }
            }
            return Boolean.compare(xs.hasNext(), ys.hasNext());
        }
        return 0;
    }

    private static int rank(JsonNode value) {
        if (value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return 1;
        }
        if (value.isTextual()) {
            return 2;
        }
        if (value.isObject()) {
            return 3;
        }
        return value.isArray() ? 4 : 5;
    }
}
