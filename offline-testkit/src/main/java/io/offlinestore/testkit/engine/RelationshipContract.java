package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Change;
import io.offlinestore.ConstraintViolationException;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.QueryException;
import io.offlinestore.StoreOptions;
import io.offlinestore.Transaction;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Relationships: includes loaded per page, nested includes, and delete rules.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code Relationship}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class RelationshipContract extends EngineContractSupport {
    private final AtomicInteger scans = new AtomicInteger();
    private final AtomicInteger gets = new AtomicInteger();

    private UnaryOperator<StoreOptions.Builder> schema(OnDelete ordersRule, OnDelete itemsRule) {
        return b -> b
                .collection(CollectionSchema.builder("users")
                        .relationship(Relationship.oneToMany("orders", "orders", "user_id").onDelete(ordersRule)).build())
                .collection(CollectionSchema.builder("orders")
                        .relationship(Relationship.manyToOne("user", "users", "user_id"))
                        .relationship(Relationship.oneToMany("items", "order_items", "order_id").onDelete(itemsRule)).build())
                .collection(CollectionSchema.builder("order_items")
                        .relationship(Relationship.manyToOne("product", "products", "product_id")).build())
                .collection(CollectionSchema.builder("products").build());
    }

    private OfflineStore seeded(OnDelete ordersRule, OnDelete itemsRule) {
        OfflineStore store = open(schema(ordersRule, itemsRule));
        store.collection("products").createBatch(List.of(doc("{'id':'p1','name':'Pen'}"), doc("{'id':'p2','name':'Ink'}")));
        store.collection("users").createBatch(List.of(doc("{'id':'u1','name':'Ada'}"), doc("{'id':'u2','name':'Bob'}"),
                doc("{'id':'u3','name':'Cy'}")));
        store.collection("orders").createBatch(List.of(doc("{'id':'o1','user_id':'u1','total':10}"),
                doc("{'id':'o2','user_id':'u1','total':20}"), doc("{'id':'o3','user_id':'u2','total':30}"),
                doc("{'id':'o4','user_id':'ghost','total':40}")));
        store.collection("order_items").createBatch(List.of(doc("{'id':'i1','order_id':'o1','product_id':'p1'}"),
                doc("{'id':'i2','order_id':'o1','product_id':'p2'}"), doc("{'id':'i3','order_id':'o3','product_id':'p1'}")));
        return store;
    }

    @Test
    void foreignKeysAreIndexed() {
        OfflineStore store = seeded(OnDelete.NONE, OnDelete.NONE);
        assertTrue(store.collection("orders").schema().indexes().stream().anyMatch(i -> i.fields().equals(List.of("user_id"))));
        assertTrue(store.collection("order_items").schema().indexes().stream()
                .anyMatch(i -> i.fields().equals(List.of("order_id"))));
        assertEquals(Explanation.Access.INDEX_SCAN,
                store.collection("orders").explain(Query.filter(Filters.where("user_id").eq("u1"))).access());
    }

    @Test
    void includesLoadRelatedDocumentsUnderTheRelationshipsName() {
        OfflineStore store = seeded(OnDelete.NONE, OnDelete.NONE);
        List<Document> orders = store.collection("orders").query(Query.all().include("user", "items"));
        assertEquals("Ada", orders.get(0).getString("user.name"));
        assertEquals(List.of("i1", "i2"), orders.get(0).getList("items").stream()
                .map(i -> ((Map<?, ?>) i).get("id")).toList());
        assertEquals(List.of(), orders.get(1).getList("items"), "no children: an empty array");
        assertTrue(orders.get(3).has("user") && orders.get(3).get("user") == null, "a dangling key: null");
        Document user = store.collection("users").get("u1", "orders").orElseThrow();
        assertEquals(2, user.getList("orders").size());
        assertEquals(List.of(), store.collection("users").get("u3", "orders").orElseThrow().getList("orders"));
    }

    @Test
    void nestedIncludesAndTheJsonForm() {
        OfflineStore store = seeded(OnDelete.NONE, OnDelete.NONE);
        List<Document> orders = store.collection("orders").query(Query.parse(
                "{\"filters\":{\"user_id\":\"u1\"},\"include\":[\"user\",\"items.product\"],"
                        + "\"sort\":[{\"field\":\"total\",\"direction\":\"desc\"}]}"));
        assertEquals(List.of("o2", "o1"), ids(orders));
        Document o1 = orders.get(1);
        assertEquals("Pen", o1.getString("items.0.product.name"));
        assertEquals("Ink", o1.getString("items.1.product.name"));
        assertEquals("Ada", o1.getString("user.name"));
    }

    @Test
    void idsAndForeignKeysMatchByValueWhateverTheirNumberType() {
        OfflineStore store = open(schema(OnDelete.NONE, OnDelete.NONE));
        store.collection("users").createBatch(List.of(doc("{'id':1,'name':'one'}"), doc("{'id':3000000000,'name':'big'}"),
                doc("{'id':'1','name':'text'}")));
        store.collection("orders").createBatch(List.of(doc("{'id':'a','user_id':1.0}"), doc("{'id':'b','user_id':3000000000}"),
                doc("{'id':'c','user_id':1}"), doc("{'id':'d','user_id':'1'}"), doc("{'id':'e','user_id':3e9}")));
        List<Document> users = store.collection("users").query(Query.all().sort("name", Direction.ASC).include("orders"));
        assertEquals(List.of("big", "one", "text"), users.stream().map(u -> u.getString("name")).toList());
        assertEquals(List.of(List.of("b", "e"), List.of("a", "c"), List.of("d")), users.stream()
                .map(u -> u.getList("orders").stream().map(o -> String.valueOf(((Map<?, ?>) o).get("id"))).sorted().toList())
                .toList());
        List<Document> orders = store.collection("orders").query(Query.all().include("user"));
        assertEquals(List.of("one", "big", "one", "text", "big"), orders.stream().map(o -> o.getString("user.name")).toList());
    }

    @Test
    void unknownRelationshipsAreRejected() {
        OfflineStore store = seeded(OnDelete.NONE, OnDelete.NONE);
        QueryException e = assertThrows(QueryException.class,
                () -> store.collection("orders").query(Query.all().include("customer")));
        assertTrue(e.getMessage().contains("customer") && e.getMessage().contains("user"), e.getMessage());
        assertThrows(QueryException.class, () -> store.collection("orders").get("o1", "items.owner"));
    }

    @Test
    void includesSeeATransactionsOwnWrites() {
        OfflineStore store = seeded(OnDelete.NONE, OnDelete.NONE);
        try (Transaction tx = store.beginTransaction()) {
            tx.collection("orders").create(doc("{'id':'o9','user_id':'u3','total':5}"));
            assertEquals(List.of("o9"), tx.collection("users").get("u3", "orders").orElseThrow().getList("orders")
                    .stream().map(o -> ((Map<?, ?>) o).get("id")).toList());
        }
    }

    @Test
    void restrictRefusesToDeleteAParentWithChildren() {
        OfflineStore store = seeded(OnDelete.RESTRICT, OnDelete.NONE);
        ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                () -> store.collection("users").delete("u1"));
        assertTrue(e.getMessage().contains("orders") && e.getMessage().contains("user_id"), e.getMessage());
        assertTrue(store.collection("users").get("u1").isPresent());
        assertTrue(store.collection("users").delete("u3"), "a parent without children can go");
    }

    @Test
    void cascadeDeletesChildrenAndGrandchildrenInTheSameCommit() {
        OfflineStore store = seeded(OnDelete.CASCADE, OnDelete.CASCADE);
        long before = store.getChanges().size();
        store.collection("users").delete("u1");
        assertEquals(List.of("o3", "o4"), ids(all(store.collection("orders"))));
        assertEquals(List.of("i3"), ids(all(store.collection("order_items"))));
        List<Change> changes = store.getChanges().subList((int) before, store.getChanges().size());
        assertEquals(5, changes.size(), "user, two orders, two items");
        assertTrue(changes.stream().allMatch(c -> c.sequence() == changes.get(0).sequence()), "one commit");
        assertTrue(store.check().isHealthy());
    }

    @Test
    void setNullClearsTheChildrensForeignKey() {
        OfflineStore store = seeded(OnDelete.SET_NULL, OnDelete.NONE);
        store.collection("users").delete("u1");
        Document o1 = store.collection("orders").get("o1").orElseThrow();
        assertTrue(o1.has("user_id") && o1.get("user_id") == null);
        assertEquals(0, store.collection("orders").count(Filters.where("user_id").eq("u1")));
    }

    @Test
    void relationshipsAndRulesSurviveReopeningWithoutBeingDeclaredAgain() {
        Assumptions.assumeTrue(persistent(), "the backend does not persist data");
        OfflineStore store = seeded(OnDelete.RESTRICT, OnDelete.NONE);
        store = reopen(store, b -> b);
        assertEquals("Ada", store.collection("orders").get("o1", "user").orElseThrow().getString("user.name"));
        OfflineStore reopened = store;
        assertThrows(ConstraintViolationException.class, () -> reopened.collection("users").delete("u1"));
    }

    @Test
    void includesReadOncePerRelationshipWhateverThePageSize() {
        OfflineStore store = openCounting();
        List<Document> users = new ArrayList<>();
        List<Document> orders = new ArrayList<>();
        for (int u = 0; u < 60; u++) {
            users.add(doc("{'id':" + u + ",'name':'user" + u + "'}"));
            for (int o = 0; o < 3; o++) {
                orders.add(doc("{'id':" + (u * 10 + o) + ",'user_id':" + u + ",'total':" + o + "}"));
            }
        }
        store.collection("users").createBatch(users);
        store.collection("orders").createBatch(orders);
        int small = scansFor(store, 10);
        int large = scansFor(store, 40);
        assertEquals(small, large, "scans for a page of 10 and of 40 users with their orders");
        assertTrue(large <= 3, "the page, then one scan for the orders: " + large);
        assertEquals(0, gets.get() - 40 * 3, "one point read per related order, none per user and relation");
    }

    private int scansFor(OfflineStore store, int pageSize) {
        scans.set(0);
        gets.set(0);
        List<Document> page = store.collection("users").query(Query.all().sort("id", Direction.ASC).limit(pageSize)
                .include("orders"));
        assertEquals(pageSize, page.size());
        assertTrue(page.stream().allMatch(u -> u.getList("orders").size() == 3));
        return scans.get();
    }

    /** A store whose backend reads are counted, with the read cache off so that every read reaches it. */
    private OfflineStore openCounting() {
        UnaryOperator<StoreOptions.Builder> schema = schema(OnDelete.NONE, OnDelete.NONE);
        return openExposingBackend(b -> schema.apply(b).cacheSize(0), CountingBackend::new);
    }

    /** Counts the reads the engine asks of a backend. */
    private final class CountingBackend extends ForwardingBackend {
        CountingBackend(StorageBackend inner) {
            super(inner);
        }

        @Override
        public byte[] get(String keyspace, byte[] key) {
            gets.incrementAndGet();
            return super.get(keyspace, key);
        }

        @Override
        public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
            scans.incrementAndGet();
            return super.scan(keyspace, range, reverse);
        }
    }
}
