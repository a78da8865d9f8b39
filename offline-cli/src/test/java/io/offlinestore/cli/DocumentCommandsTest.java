package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.OfflineStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** put, get and delete against one store shared by the commands of a test. */
class DocumentCommandsTest {
    private final OfflineStore store = CliRunner.memoryStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void putCreatesThenReplacesAndGetPrintsTheDocument() {
        CliRunner.Result created = CliRunner.run(store, "put", "users", "{\"id\":\"u1\",\"name\":\"Ann\"}");
        assertEquals(ExitCodes.OK, created.exitCode(), created.err());
        assertEquals("{\"id\":\"u1\",\"name\":\"Ann\"}\n", created.out());

        CliRunner.Result replaced = CliRunner.run(store, "put", "users", "{\"id\":\"u1\",\"name\":\"Anne\",\"age\":30}");
        assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.err());

        CliRunner.Result got = CliRunner.run(store, "get", "users", "u1");
        assertEquals(ExitCodes.OK, got.exitCode(), got.err());
        assertEquals("{\"id\":\"u1\",\"name\":\"Anne\",\"age\":30}\n", got.out());
        assertEquals("", got.err());
        assertEquals(1, store.collection("users").count());
    }

    @Test
    void putReadsTheDocumentFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("doc.json"), "{\n  \"id\": \"f1\",\n  \"city\": \"Zürich\"\n}\n");

        CliRunner.Result result = CliRunner.run(store, "put", "places", "@" + file);

        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertEquals("Zürich", store.collection("places").get("f1").orElseThrow().getString("city"));
    }

    @Test
    void getOfAnAbsentDocumentExitsOneNamingIt() {
        CliRunner.Result result = CliRunner.run(store, "get", "users", "ghost");

        assertEquals(ExitCodes.NOT_FOUND, result.exitCode());
        assertEquals("", result.out());
        assertEquals("offline get: no document with id 'ghost' in collection 'users'\n", result.err());
    }

    @Test
    void idsAreReadAsJsonSoIntegerAndStringIdsStayApart() {
        CliRunner.run(store, "put", "items", "{\"id\":7,\"kind\":\"integer\"}");
        CliRunner.run(store, "put", "items", "{\"id\":\"7\",\"kind\":\"string\"}");

        assertEquals("{\"id\":7,\"kind\":\"integer\"}\n", CliRunner.run(store, "get", "items", "7").out());
        assertEquals("{\"id\":\"7\",\"kind\":\"string\"}\n", CliRunner.run(store, "get", "items", "\"7\"").out());
        assertEquals(ExitCodes.NOT_FOUND, CliRunner.run(store, "get", "items", "8").exitCode());
    }

    @Test
    void deleteRemovesTheDocumentAndExitsOneWhenThereIsNone() {
        CliRunner.run(store, "put", "users", "{\"id\":\"u1\"}");

        CliRunner.Result deleted = CliRunner.run(store, "delete", "users", "u1");
        assertEquals(ExitCodes.OK, deleted.exitCode(), deleted.err());
        assertEquals("", deleted.out());
        assertEquals(ExitCodes.NOT_FOUND, CliRunner.run(store, "get", "users", "u1").exitCode());

        CliRunner.Result again = CliRunner.run(store, "delete", "users", "u1");
        assertEquals(ExitCodes.NOT_FOUND, again.exitCode());
        assertTrue(again.err().contains("no document with id 'u1'"), again.err());
    }

    @Test
    void badDocumentsAreBadInputAndStoreNothing() {
        CliRunner.Result notJson = CliRunner.run(store, "put", "users", "{\"id\":\"u1\"");
        assertEquals(ExitCodes.BAD_INPUT, notJson.exitCode());
        assertTrue(notJson.err().startsWith("offline put: document is not valid JSON"), notJson.err());

        CliRunner.Result noId = CliRunner.run(store, "put", "users", "{\"name\":\"Ann\"}");
        assertEquals(ExitCodes.BAD_INPUT, noId.exitCode());
        assertTrue(noId.err().contains("document has no id at 'id'"), noId.err());

        CliRunner.Result notObject = CliRunner.run(store, "put", "users", "[1,2]");
        assertEquals(ExitCodes.BAD_INPUT, notObject.exitCode());
        assertTrue(notObject.err().contains("must be a JSON object"), notObject.err());

        assertEquals(0, store.collection("users").count());
    }

    @Test
    void unreadableFilesAndBadNamesAreUsageErrors(@TempDir Path dir) {
        CliRunner.Result missing = CliRunner.run(store, "put", "users", "@" + dir.resolve("absent.json"));
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("absent.json: no such file"), missing.err());

        CliRunner.Result badName = CliRunner.run(store, "get", "no spaces", "x");
        assertEquals(ExitCodes.BAD_INPUT, badName.exitCode());
        assertTrue(badName.err().contains("collection name 'no spaces' must be"), badName.err());

        CliRunner.Result tooBig = CliRunner.run(store, "get", "users", "99999999999999999999");
        assertEquals(ExitCodes.BAD_INPUT, tooBig.exitCode());
        assertTrue(tooBig.err().contains("does not fit in 64 bits"), tooBig.err());
    }
}
