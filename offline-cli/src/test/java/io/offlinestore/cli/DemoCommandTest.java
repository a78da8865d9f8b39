package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    private static final CliRunner.Result DEMO = CliRunner.runOpening("demo");

    @Test
    void succeedsWithNothingOnStderr() {
        assertEquals(ExitCodes.OK, DEMO.exitCode(), DEMO.err());
        assertEquals("", DEMO.err());
    }

    @Test
    void runsOnTheDefaultPersistentBackendInATemporaryDirectory() {
        assertTrue(DEMO.out().startsWith("Offline Store demo: the users/orders sample on the " + OfflineCommand.DEFAULT_BACKEND
                + " backend, in a temporary directory deleted afterwards."), DEMO.out());
    }

    @Test
    void showsEverySection() {
        for (String heading : List.of("== 1. Declare the collections", "== 2. Create the sample", "== 3. Read a record by id",
                "== 4. Query: admins created after 2023-01-01, by name", "== 5. Batch update",
                "== 6. Query: pending orders of user123, newest first", "== 7. Query with $in",
                "== 8. Count: orders over 50", "== 9. Explain: a query an index serves",
                "== 10. Explain: a query no index serves (full scan)", "== 11. A unique index rejects a duplicate email")) {
            assertTrue(DEMO.out().contains(heading), "missing section " + heading + "\n" + DEMO.out());
        }
    }

    @Test
    void declaresTheSeedIndexes() {
        String declared = section(1);
        assertTrue(declared.contains("email (email, unique); name (name); role_created_at (role, created_at)"), declared);
        assertTrue(declared.contains("user_id (user_id); date (date)"), declared);
    }

    @Test
    void printsEachQueryAsJsonAndItsResultsInOrder() {
        String admins = section(4);
        assertTrue(admins.contains("users.query: {\"filters\":{\"role\":\"admin\",\"created_at\":{\"$gt\":\"2023-01-01\"}},"
                + "\"sort\":[{\"field\":\"name\",\"direction\":\"asc\"}]}"), admins);
        assertEquals(List.of("user5", "user123"), ids(admins));

        assertEquals(List.of("order458", "order456", "order461"), ids(section(6)));
        assertEquals(List.of("order460", "order457"), ids(section(7)));
        assertTrue(section(8).contains("3 orders match"), section(8));
    }

    @Test
    void batchUpdateChangesRolesAndTheQuerySeesIt() {
        String update = section(5);
        assertTrue(update.contains("user1  Alice    alice@example.com    admin"), update);
        assertTrue(update.contains("user3  Charlie  charlie@example.com  viewer"), update);
        String rerun = update.substring(update.indexOf("The admins query again"));
        assertEquals(List.of("user1", "user5", "user123"), ids(rerun));
    }

    @Test
    void explainsAnIndexScanAndAFullScan() {
        String indexed = section(9);
        assertTrue(indexed.contains("access:     index scan on 'role_created_at'"), indexed);
        assertTrue(indexed.contains("ranges:     role = \"admin\", created_at > \"2023-01-01\""), indexed);
        String full = section(10);
        assertTrue(full.contains("access:     full scan"), full);
        assertTrue(full.contains("residual:   {\"total\":{\"$gt\":50}}"), full);
    }

    @Test
    void showsTheUniqueIndexRejectingADuplicate() {
        String violation = section(11);
        assertTrue(violation.contains("rejected, DuplicateKeyException: "), violation);
        assertTrue(violation.contains("unique index 'email'"), violation);
        assertTrue(violation.contains("users still holds 6 documents"), violation);
    }

    @Test
    void showsIncludesDeleteRulesTransactionsAndTheChangeLog() {
        String out = DEMO.out();
        assertTrue(out.contains("order458  2024-03-18  John Doe   john@example.com"), out);
        assertTrue(out.contains("rejected, ConstraintViolationException"), out);
        assertTrue(out.contains("user7 has 1 order(s)"), out);
        assertTrue(out.contains("transaction conflict: document 'user7'"), out);
        assertTrue(out.contains("user7's role stays editor"), out);
        assertTrue(out.contains("19 unsynchronized changes") && out.contains("markSynchronized: 0 left to send"), out);
    }

    @Test
    void isDeterministicAndIgnoresTheStoreOptions() {
        CliRunner.Result again = CliRunner.runOpening("--backend", "no-such-backend", "demo");
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertEquals(DEMO.out(), again.out());
    }

    @Test
    void aCommandLineRunTwicePrintsTheSameTour() {
        CommandLine cli = OfflineCli.create();
        CliRunner.Result first = CliRunner.run(cli, "demo");
        CliRunner.Result second = CliRunner.run(cli, "demo");

        assertEquals(DEMO.out(), first.out());
        assertEquals(DEMO.out(), second.out());
    }

    /** The text of section {@code number}, up to the next heading. */
    private static String section(int number) {
        String out = DEMO.out();
        int start = out.indexOf("== " + number + ". ");
        int end = out.indexOf("\n== " + (number + 1) + ". ", start);
        return end < 0 ? out.substring(start) : out.substring(start, end);
    }

    /** The first cells of the rows of the first table in {@code text}. */
    private static List<String> ids(String text) {
        List<String> lines = text.lines().toList();
        int rule = 0;
        while (!lines.get(rule).startsWith("---")) {
            rule++;
        }
        return lines.subList(rule + 1, lines.size()).stream()
                .takeWhile(line -> !line.isBlank() && !line.startsWith("("))
                .map(line -> line.split(" +")[0])
                .toList();
    }
}
