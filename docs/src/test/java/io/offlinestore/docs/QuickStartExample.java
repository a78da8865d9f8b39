package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The getting-started guide's code, run as a test. */
class QuickStartExample {

    @Test
    void tour() {
        // region open
        StoreOptions options = StoreOptions.builder()
                .backend("memory")
                .databaseName("my_app_db")
                .collection(CollectionSchema.builder("users").keyPath("id")
                        .index(IndexDefinition.unique("email"))
                        .index(IndexDefinition.of("name"))
                        .build())
                .build();
        try (OfflineStore store = OfflineStore.open(options)) {
            DocumentCollection users = store.collection("users");
            // endregion open

            // region crud
            users.create(Document.parse("""
                    {"id": "user123", "name": "John Doe", "email": "john@example.com", "role": "customer"}"""));
            Document john = users.get("user123").orElseThrow();
            users.update(john.with("role", "admin"));
            users.patch("user123", Document.parse("{\"phone\": \"555-0100\"}"));
            boolean existed = users.delete("user123");
            // endregion crud
            assertTrue(existed);
            assertEquals("admin", john.with("role", "admin").getString("role"));

            // region batch
            users.createBatch(List.of(
                    Document.parse("{\"id\": \"user1\", \"name\": \"Alice\", \"email\": \"alice@example.com\"}"),
                    Document.parse("{\"id\": \"user2\", \"name\": \"Bob\", \"email\": \"bob@example.com\"}"),
                    Document.parse("{\"id\": \"user3\", \"name\": \"Charlie\", \"email\": \"charlie@example.com\"}")));
            users.updateBatch(List.of(
                    Document.parse("{\"id\": \"user1\", \"role\": \"admin\"}"),
                    Document.parse("{\"id\": \"user2\", \"role\": \"editor\"}")));
            // endregion batch

            // region unique
            DuplicateKeyException taken = assertThrows(DuplicateKeyException.class, () -> users.create(
                    Document.parse("{\"id\": \"user4\", \"email\": \"bob@example.com\"}")));
            // taken.index() is "email"; nothing was written
            // endregion unique
            assertEquals("email", taken.index());

            // region query
            List<Document> admins = users.query(Query.parse("""
                    {"filters": {"role": "admin"}, "sort": [{"field": "name", "direction": "asc"}], "limit": 10}"""));
            List<Document> same = users.query(Query.filter(Filters.where("role").eq("admin"))
                    .sort("name", Direction.ASC).limit(10));
            // endregion query
            assertEquals(same, admins);
            assertEquals(List.of("user1"), admins.stream().map(Document::id).toList());

            // region explain
            Explanation plan = users.explain(Query.filter(Filters.where("email").eq("bob@example.com")));
            System.out.println(plan);
            // collection: users
            // access:     index scan on 'email'
            // ranges:     email = "bob@example.com"
            // residual:   none
            // ...
            // endregion explain
            assertEquals(Explanation.Access.INDEX_SCAN, plan.access());
            assertTrue(plan.toString().contains("ranges:     email = \"bob@example.com\""), plan.toString());
        }
    }
}
