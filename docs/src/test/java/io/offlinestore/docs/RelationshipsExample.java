package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relationships guide's code, run as a test. */
class RelationshipsExample {

    @Test
    void relationships() {
        // region schema
        StoreOptions options = StoreOptions.builder().backend("memory")
                .collection(CollectionSchema.builder("users")
                        .relationship(Relationship.oneToMany("orders", "orders", "user_id").onDelete(OnDelete.CASCADE))
                        .build())
                .collection(CollectionSchema.builder("orders")
                        .relationship(Relationship.manyToOne("user", "users", "user_id"))
                        .relationship(Relationship.oneToMany("items", "order_items", "order_id"))
                        .build())
                .collection(CollectionSchema.builder("order_items")
                        .relationship(Relationship.manyToOne("product", "products", "product_id"))
                        .build())
                .build();
        // endregion schema
        try (OfflineStore store = OfflineStore.open(options)) {
            store.collection("products").create(Document.parse("{\"id\": \"p1\", \"name\": \"Pen\"}"));
            store.collection("users").create(Document.parse("{\"id\": \"user123\", \"name\": \"John\"}"));
            store.collection("orders").create(Document.parse(
                    "{\"id\": \"order456\", \"user_id\": \"user123\", \"status\": \"pending\", \"date\": \"2024-03-02\"}"));
            store.collection("order_items").create(Document.parse(
                    "{\"id\": \"i1\", \"order_id\": \"order456\", \"product_id\": \"p1\"}"));

            // region include
            List<Document> orders = store.collection("orders").query(Query.parse("""
                    {"filters": {"user_id": "user123", "status": "pending"},
                     "include": ["user", "items.product"],
                     "sort": [{"field": "date", "direction": "desc"}]}"""));
            String customer = orders.get(0).getString("user.name");              // "John"
            String product = orders.get(0).getString("items.0.product.name");    // "Pen"

            Document withOrders = store.collection("users").get("user123", "orders").orElseThrow();
            // endregion include
            assertEquals("John", customer);
            assertEquals("Pen", product);
            assertEquals(1, withOrders.getList("orders").size());

            // region cascade
            store.collection("users").delete("user123");   // deletes the user's orders in the same commit
            // endregion cascade
            assertEquals(0, store.collection("orders").count());
        }
    }
}
