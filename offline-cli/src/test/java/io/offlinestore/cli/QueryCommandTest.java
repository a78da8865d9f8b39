package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** query and count over a small collection of people. */
class QueryCommandTest {
    private final OfflineStore store = CliRunner.memoryStore();

    @BeforeEach
    void fill() {
        store.collection("people").createBatch(List.of(
                Document.parse("{\"id\":1,\"name\":\"Dora\",\"role\":\"admin\",\"age\":41}"),
                Document.parse("{\"id\":2,\"name\":\"Al\",\"role\":\"user\",\"age\":29}"),
                Document.parse("{\"id\":3,\"name\":\"Cy\",\"role\":\"admin\",\"age\":35}"),
                Document.parse("{\"id\":4,\"name\":\"Bo\",\"role\":\"admin\",\"age\":35}"),
                Document.parse("{\"id\":5,\"name\":\"Eve\",\"role\":\"user\",\"age\":52}")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void printsMatchingDocumentsAsJsonLinesInSortOrder() {
        CliRunner.Result result = CliRunner.run(store, "query", "people", "--filter", "{\"role\":\"admin\"}",
                "--sort", "age:desc", "--sort", "name");

        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertEquals(List.of(1L, 4L, 3L), ids(result));
        assertEquals("", result.err());
    }

    @Test
    void pagesWithOffsetAndLimit() {
        CliRunner.Result result = CliRunner.run(store, "query", "people", "--sort", "name:asc", "--offset", "1", "--limit", "2");

        assertEquals(List.of(4L, 3L), ids(result));
    }

    @Test
    void withoutOptionsReturnsEverythingInIdOrder() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(CliRunner.run(store, "query", "people")));
    }

    @Test
    void explainPrintsThePlanInsteadOfResults() {
        store.collection("people").createIndex(IndexDefinition.of("role"));

        CliRunner.Result indexed = CliRunner.run(store, "query", "people", "--filter", "{\"role\":\"admin\"}", "--explain");
        assertEquals(ExitCodes.OK, indexed.exitCode(), indexed.err());
        assertTrue(indexed.out().contains("access:     index scan on 'role'"), indexed.out());
        assertFalse(indexed.out().contains("Dora"), "no results with --explain");

        CliRunner.Result scan = CliRunner.run(store, "query", "people", "--filter", "{\"age\":{\"$gt\":30}}", "--explain");
        assertTrue(scan.out().contains("access:     full scan"), scan.out());
    }

    @Test
    void explainPrintsEachBranchOfAnOrUnion() {
        store.collection("people").createIndex(IndexDefinition.of("role"));

        CliRunner.Result union = CliRunner.run(store, "query", "people", "--filter",
                "{\"$or\":[{\"role\":\"user\"},{\"id\":{\"$gte\":4}}]}", "--explain");
        assertEquals(ExitCodes.OK, union.exitCode(), union.err());
        assertTrue(union.out().contains("access:     union of index scans"), union.out());
        assertTrue(union.out().contains("branch 1:   index scan on 'role', ranges role = \"user\""), union.out());
        assertTrue(union.out().contains("branch 2:   primary key (document ids), ranges id >= 4"), union.out());
        assertEquals(List.of(2L, 4L, 5L), ids(CliRunner.run(store, "query", "people", "--filter",
                "{\"$or\":[{\"role\":\"user\"},{\"id\":{\"$gte\":4}}]}")));
    }

    @Test
    void aBadFilterIsBadInputNamingTheClause() {
        CliRunner.Result unknownOperator = CliRunner.run(store, "query", "people", "--filter", "{\"age\":{\"$bigger\":3}}");
        assertEquals(ExitCodes.BAD_INPUT, unknownOperator.exitCode());
        assertEquals("", unknownOperator.out());
        assertTrue(unknownOperator.err().contains("'--filter'"), unknownOperator.err());
        assertTrue(unknownOperator.err().contains("in age.$bigger: unknown operator '$bigger'"), unknownOperator.err());

        CliRunner.Result notJson = CliRunner.run(store, "query", "people", "--filter", "{\"age\":");
        assertEquals(ExitCodes.BAD_INPUT, notJson.exitCode());
        assertTrue(notJson.err().contains("filter is not valid JSON at line 1"), notJson.err());

        CliRunner.Result inNeedsArray = CliRunner.run(store, "count", "people", "--filter", "{\"role\":{\"$in\":\"admin\"}}");
        assertEquals(ExitCodes.BAD_INPUT, inNeedsArray.exitCode());
        assertTrue(inNeedsArray.err().contains("in role.$in: $in needs an array"), inNeedsArray.err());
    }

    @Test
    void badSortAndPagingAreBadInput() {
        CliRunner.Result direction = CliRunner.run(store, "query", "people", "--sort", "age:up");
        assertEquals(ExitCodes.BAD_INPUT, direction.exitCode());
        assertTrue(direction.err().contains("sort direction must be 'asc' or 'desc', got 'up'"), direction.err());

        CliRunner.Result field = CliRunner.run(store, "query", "people", "--sort", "a..b");
        assertEquals(ExitCodes.BAD_INPUT, field.exitCode());
        assertTrue(field.err().contains("'a..b' has an empty segment"), field.err());

        CliRunner.Result limit = CliRunner.run(store, "query", "people", "--limit", "-1");
        assertEquals(ExitCodes.BAD_INPUT, limit.exitCode());
        assertTrue(limit.err().contains("limit must not be negative"), limit.err());
    }

    @Test
    void countPrintsHowManyMatch() {
        CliRunner.Result admins = CliRunner.run(store, "count", "people", "--filter", "{\"role\":\"admin\",\"age\":{\"$gte\":35}}");
        assertEquals(ExitCodes.OK, admins.exitCode(), admins.err());
        assertEquals("3\n", admins.out());

        assertEquals("5\n", CliRunner.run(store, "count", "people").out());
        assertEquals("0\n", CliRunner.run(store, "count", "nobody").out());
    }

    private static List<Long> ids(CliRunner.Result result) {
        return result.lines().stream().map(line -> (Long) Document.parse(line).id()).toList();
    }
}
