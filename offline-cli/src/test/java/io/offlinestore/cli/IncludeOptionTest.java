package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.Relationship;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** query and get with --include load related documents; an unknown relationship is bad input. */
class IncludeOptionTest {
    private final OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("memory")
            .collection(CollectionSchema.builder("users")
                    .relationship(Relationship.oneToMany("orders", "orders", "user_id")).build())
            .collection(CollectionSchema.builder("orders")
                    .relationship(Relationship.manyToOne("user", "users", "user_id")).build())
            .build());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void queryAndGetIncludeRelationships() {
        store.collection("users").create(Document.parse("{\"id\":\"u1\",\"name\":\"Ada\"}"));
        store.collection("orders").createBatch(List.of(Document.parse("{\"id\":\"o1\",\"user_id\":\"u1\"}"),
                Document.parse("{\"id\":\"o2\",\"user_id\":\"u1\"}")));

        CliRunner.Result query = CliRunner.run(store, "query", "orders", "--include", "user");
        assertEquals(ExitCodes.OK, query.exitCode(), query.err());
        assertEquals("Ada", Document.parse(query.lines().get(1)).getString("user.name"));

        CliRunner.Result get = CliRunner.run(store, "get", "users", "u1", "--include", "orders");
        assertEquals(ExitCodes.OK, get.exitCode(), get.err());
        assertEquals(2, Document.parse(get.out().trim()).getList("orders").size());

        CliRunner.Result unknown = CliRunner.run(store, "get", "users", "u1", "--include", "invoices");
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("invoices"), unknown.err());
    }
}
