package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The `$or` planning examples of the queries and plans guides, run as a test. */
class QueryPlansExample {

    @Test
    void orOverIndexes() {
        try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("memory")
                .collection(CollectionSchema.builder("users")
                        .index(IndexDefinition.unique("email"))
                        .index(IndexDefinition.of("role", "created_at"))
                        .build())
                .build())) {
            DocumentCollection users = store.collection("users");
            users.createBatch(List.of(
                    Document.parse("{\"id\": 1, \"email\": \"ann@x.org\", \"role\": \"admin\", \"created_at\": \"2023-04-01\"}"),
                    Document.parse("{\"id\": 2, \"email\": \"bob@x.org\", \"role\": \"viewer\", \"created_at\": \"2022-01-09\"}"),
                    Document.parse("{\"id\": 3, \"email\": \"cy@x.org\", \"role\": \"editor\", \"created_at\": \"2024-02-17\"}")));

            // region or-union
            Query query = Query.filter(Filters.parse("""
                    {"$or": [{"email": "bob@x.org"},
                             {"role": "admin", "created_at": {"$gte": "2023-01-01"}}]}"""));
            Explanation plan = users.explain(query);
            // plan.access() is INDEX_UNION; plan.branches() holds one index scan per $or operand
            List<Document> found = users.query(query); // ids 1 and 2, each once, in id order
            // endregion or-union
            assertEquals(Explanation.Access.INDEX_UNION, plan.access());
            assertEquals(List.of("email", "role_created_at"),
                    plan.branches().stream().map(branch -> branch.index().orElseThrow()).toList());
            assertEquals(List.of(1L, 2L), found.stream().map(d -> d.getLong("id")).toList());
            assertTrue(plan.toString().contains("branch 2:   index scan on 'role_created_at', "
                    + "ranges role = \"admin\", created_at >= \"2023-01-01\", residual none"), plan.toString());

            // region or-in-and
            Query admins = Query.filter(Filters.parse("""
                    {"role": "admin",
                     "$or": [{"created_at": {"$lt": "2020-01-01"}}, {"created_at": {"$gte": "2023-01-01"}}]}"""));
            // each operand scans role_created_at with role = "admin" and its own range
            // endregion or-in-and
            Explanation adminsPlan = users.explain(admins);
            assertEquals(Explanation.Access.INDEX_UNION, adminsPlan.access());
            assertEquals(List.of("role = \"admin\", created_at < \"2020-01-01\""), adminsPlan.branches().get(0).keyRanges());
            assertEquals(List.of(1L), users.query(admins).stream().map(d -> d.getLong("id")).toList());
        }
    }
}
