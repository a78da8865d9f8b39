package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.schema.IndexDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportExportCommandTest {
    private final OfflineStore store = CliRunner.memoryStore();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void importThenExportRoundTripsInIdOrder() throws IOException {
        List<String> lines = new ArrayList<>();
        // Descending integer ids: the export must come back in numeric id order.
        IntStream.iterate(2500, i -> i >= 1, i -> i - 1)
                .forEach(i -> lines.add("{\"id\":" + i + ",\"name\":\"item " + i + "\",\"tags\":[\"t" + i % 7 + "\"]}"));
        lines.add(1200, "");
        Path file = Files.write(dir.resolve("items.jsonl"), lines);

        CliRunner.Result imported = CliRunner.run(store, "import", "items", file.toString());
        assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
        assertEquals("imported 2500 documents into items in 3 batches\n", imported.out());
        assertEquals("", imported.err(), "no progress bar without a terminal");

        CliRunner.Result exported = CliRunner.run(store, "export", "items");
        assertEquals(ExitCodes.OK, exported.exitCode(), exported.err());
        List<String> out = exported.lines();
        assertEquals(2500, out.size());
        assertEquals(IntStream.rangeClosed(1, 2500).boxed().map(Long::valueOf).toList(),
                out.stream().map(line -> Document.parse(line).id()).toList());
        assertEquals("{\"id\":1,\"name\":\"item 1\",\"tags\":[\"t1\"]}", out.get(0));

        Path copy = Files.writeString(dir.resolve("copy.jsonl"), exported.out());
        assertEquals(ExitCodes.OK, CliRunner.run(store, "import", "copy", copy.toString()).exitCode());
        assertEquals(exported.out(), CliRunner.run(store, "export", "copy").out());
    }

    @Test
    void aBadLineStopsTheImportAndItsBatchIsNotApplied() throws IOException {
        List<String> lines = new ArrayList<>();
        IntStream.rangeClosed(1, 1500).forEach(i -> lines.add("{\"id\":" + i + "}"));
        lines.add("{\"id\":1501,");
        IntStream.rangeClosed(1502, 1600).forEach(i -> lines.add("{\"id\":" + i + "}"));
        Path file = Files.write(dir.resolve("broken.jsonl"), lines);

        CliRunner.Result result = CliRunner.run(store, "import", "items", file.toString());

        assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().contains("import stopped at line 1501: nothing from line 1001 on was imported; "
                + "1000 documents of earlier lines were"), result.err());
        assertTrue(result.err().contains("broken.jsonl line 1501: document is not valid JSON"), result.err());
        assertEquals(1000, store.collection("items").count());
    }

    @Test
    void importCreatesSoExistingIdsAndUniqueValuesFailTheirBatch() throws IOException {
        store.collection("users").createIndex(IndexDefinition.unique("email"));
        store.collection("users").create(Document.parse("{\"id\":\"u2\",\"email\":\"b@x\"}"));
        Path file = Files.write(dir.resolve("users.jsonl"), List.of(
                "{\"id\":\"u1\",\"email\":\"a@x\"}", "{\"id\":\"u2\",\"email\":\"c@x\"}"));

        CliRunner.Result existingId = CliRunner.run(store, "import", "users", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, existingId.exitCode());
        assertTrue(existingId.err().contains("already has a document with id \"u2\""), existingId.err());
        assertEquals(1, store.collection("users").count(), "u1 shared the failing batch and was not created");

        Path taken = Files.write(dir.resolve("taken.jsonl"), List.of("{\"id\":\"u3\",\"email\":\"b@x\"}"));
        CliRunner.Result uniqueValue = CliRunner.run(store, "import", "users", taken.toString());
        assertEquals(ExitCodes.BAD_INPUT, uniqueValue.exitCode());
        assertTrue(uniqueValue.err().contains("unique index 'email'"), uniqueValue.err());
    }

    @Test
    void aRefusedBatchNamesTheLineAtFault() throws IOException {
        store.collection("items").create(Document.parse("{\"id\":1500}"));
        List<String> lines = new ArrayList<>();
        IntStream.rangeClosed(1, 2500).forEach(i -> lines.add("{\"id\":" + i + "}"));
        CliRunner.Result stored = CliRunner.run(store, "import", "items", Files.write(dir.resolve("a.jsonl"), lines).toString());
        assertEquals(ExitCodes.BAD_INPUT, stored.exitCode());
        assertTrue(stored.err().contains("a.jsonl line 1500: ") && stored.err().contains("import stopped at line 1500:"),
                stored.err());
        assertEquals(1001, store.collection("items").count(), "the first batch and the document stored before");

        lines.set(1499, "{\"id\":1200}");
        CliRunner.Result twice = CliRunner.run(store, "import", "other", Files.write(dir.resolve("b.jsonl"), lines).toString());
        assertEquals(ExitCodes.BAD_INPUT, twice.exitCode());
        assertTrue(twice.err().contains("b.jsonl line 1500: id 1200 is already on line 1200"), twice.err());

        CliRunner.Result badId = CliRunner.run(store, "import", "third",
                Files.write(dir.resolve("c.jsonl"), List.of("{\"id\":1}", "{\"id\":1.5}")).toString());
        assertEquals(ExitCodes.BAD_INPUT, badId.exitCode());
        assertTrue(badId.err().contains("c.jsonl line 2: ") && !badId.err().contains("batch item"), badId.err());

        CliRunner.Result tooBig = CliRunner.run(store, "import", "fourth",
                Files.write(dir.resolve("d.jsonl"), List.of("{\"id\":1}", "{\"id\":2,\"n\":1e2147483646}")).toString());
        assertEquals(ExitCodes.BAD_INPUT, tooBig.exitCode());
        assertTrue(tooBig.err().contains("d.jsonl line 2: ") && tooBig.err().contains("'n'"), tooBig.err());
        assertEquals(0, store.collection("fourth").count());
    }

    @Test
    void aByteOrderMarkOpeningTheFileIsSkipped() throws IOException {
        Path file = Files.writeString(dir.resolve("bom.jsonl"), "\uFEFF{\"id\":1}\n{\"id\":2}\n");
        CliRunner.Result result = CliRunner.run(store, "import", "items", file.toString());
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertEquals(2, store.collection("items").count());
    }

    @Test
    void aStorePathThatIsAFileSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        CliRunner.Result result = CliRunner.runOpening("--backend", "mapdb", "--path", file.toString(), "count", "items");
        assertEquals(ExitCodes.STORAGE, result.exitCode());
        assertTrue(result.err().contains("is a file, not a directory"), result.err());
    }

    @Test
    void aMissingFileIsBadInputAndAnEmptyOneImportsNothing() throws IOException {
        CliRunner.Result missing = CliRunner.run(store, "import", "items", dir.resolve("absent.jsonl").toString());
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("absent.jsonl: no such file"), missing.err());
        assertTrue(!missing.err().contains("import stopped"), "nothing was read, so nothing to report: " + missing.err());

        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n");
        CliRunner.Result none = CliRunner.run(store, "import", "items", empty.toString());
        assertEquals(ExitCodes.OK, none.exitCode(), none.err());
        assertEquals("imported 0 documents into items in 0 batches\n", none.out());
    }

    @Test
    void aCommandLineRunTwiceCountsEachImportOnItsOwn() throws IOException {
        Path first = Files.write(dir.resolve("first.jsonl"), List.of("{\"id\":1}", "{\"id\":2}"));
        Path second = Files.write(dir.resolve("second.jsonl"), List.of("{\"id\":3}"));
        CommandLine cli = OfflineCli.create(store);

        assertEquals("imported 2 documents into items in 1 batch\n", CliRunner.run(cli, "import", "items", first.toString()).out());
        assertEquals("imported 1 documents into items in 1 batch\n", CliRunner.run(cli, "import", "items", second.toString()).out());
        assertEquals(3, store.collection("items").count());
    }

    @Test
    void exportOfAnEmptyCollectionPrintsNothing() {
        CliRunner.Result result = CliRunner.run(store, "export", "nothing");

        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertEquals("", result.out());
    }
}
