package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IndexCommandTest {
    private final OfflineStore store = CliRunner.memoryStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void createsAUniqueIndexThatQueriesThenUse() {
        CliRunner.run(store, "put", "users", "{\"id\":\"u1\",\"email\":\"a@x\"}");

        CliRunner.Result created = CliRunner.run(store, "index", "users", "email", "--unique");
        assertEquals(ExitCodes.OK, created.exitCode(), created.err());
        assertEquals("created index 'email' on users (email) unique\n", created.out());
        assertEquals(List.of(IndexDefinition.unique("email")), store.collection("users").schema().indexes());

        String plan = CliRunner.run(store, "query", "users", "--filter", "{\"email\":\"a@x\"}", "--explain").out();
        assertTrue(plan.contains("index scan on 'email'"), plan);

        CliRunner.Result duplicate = CliRunner.run(store, "put", "users", "{\"id\":\"u2\",\"email\":\"a@x\"}");
        assertEquals(ExitCodes.BAD_INPUT, duplicate.exitCode());
        assertTrue(duplicate.err().contains("unique index 'email'"), duplicate.err());
    }

    @Test
    void createsACompoundIndexUnderAGivenNameAndSaysWhenItExists() {
        CliRunner.Result created = CliRunner.run(store, "index", "people", "last,first", "--name", "by_name");
        assertEquals(ExitCodes.OK, created.exitCode(), created.err());
        assertEquals("created index 'by_name' on people (last, first)\n", created.out());
        assertEquals(List.of(IndexDefinition.of("last", "first").named("by_name")),
                store.collection("people").schema().indexes());

        CliRunner.Result again = CliRunner.run(store, "index", "people", "last,first", "--name", "by_name");
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertEquals("index exists: 'by_name' on people (last, first)\n", again.out());
    }

    @Test
    void refusesWhatCannotBeIndexed() {
        store.collection("users").createBatch(List.of(Document.parse("{\"id\":1,\"email\":\"same\"}"),
                Document.parse("{\"id\":2,\"email\":\"same\"}")));
        CliRunner.Result duplicates = CliRunner.run(store, "index", "users", "email", "--unique");
        assertEquals(ExitCodes.BAD_INPUT, duplicates.exitCode());
        assertTrue(store.collection("users").schema().indexes().isEmpty());

        CliRunner.Result clash = CliRunner.run(store, "index", "users", "name", "--name", "email_idx");
        assertEquals(ExitCodes.OK, clash.exitCode(), clash.err());
        CliRunner.Result redefined = CliRunner.run(store, "index", "users", "email", "--name", "email_idx");
        assertEquals(ExitCodes.BAD_INPUT, redefined.exitCode());
        assertTrue(redefined.err().contains("already has an index named 'email_idx'"), redefined.err());

        CliRunner.Result badField = CliRunner.run(store, "index", "users", "a..b");
        assertEquals(ExitCodes.BAD_INPUT, badField.exitCode());
        assertTrue(badField.err().contains("'a..b' has an empty segment"), badField.err());
    }
}
