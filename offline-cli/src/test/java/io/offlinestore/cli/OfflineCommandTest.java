package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The root command: how store options are resolved, and how failures end. */
class OfflineCommandTest {
    @TempDir
    Path dir;

    @Test
    void defaultsToH2InOfflineData() {
        StoreOptions options = resolve("info");

        assertEquals("h2", options.backend());
        assertEquals(Optional.of(Path.of("offline-data")), options.path());
    }

    @Test
    void aDirectoryHoldingAMapdbStoreKeepsOpeningWithMapdb() throws IOException {
        Path store = Files.createDirectories(dir.resolve("store"));
        assertEquals("h2", resolve("--path", store.toString(), "info").backend(), "an empty directory gets the default");

        Files.createFile(store.resolve("offline.mapdb"));
        assertEquals("mapdb", resolve("--path", store.toString(), "info").backend());
        assertEquals("derby", resolve("--path", store.toString(), "--backend", "derby", "info").backend(),
                "a backend named explicitly still wins");
    }

    @Test
    void flagsOverrideTheConfigFileWhichOverridesTheDefaults() throws IOException {
        Path config = Files.writeString(dir.resolve("store.properties"),
                "offline.backend=memory\noffline.path=data\noffline.database-name=shop\n");

        StoreOptions fromFile = resolve("--config", config.toString(), "info");
        assertEquals("memory", fromFile.backend());
        assertEquals(Optional.of(dir.resolve("data")), fromFile.path());
        assertEquals("shop", fromFile.databaseName());

        StoreOptions overridden = resolve("--config", config.toString(), "--backend", "derby", "--path", "elsewhere", "info");
        assertEquals("derby", overridden.backend());
        assertEquals(Optional.of(Path.of("elsewhere")), overridden.path());
        assertEquals("shop", overridden.databaseName());
    }

    @Test
    void aConfigWithoutAPathGetsTheDefaultPath() throws IOException {
        Path config = Files.writeString(dir.resolve("store.yaml"), "offline:\n  backend: memory\n");

        assertEquals(Optional.of(Path.of("offline-data")), resolve("--config", config.toString(), "info").path());
    }

    @Test
    void storeOptionsMayFollowTheCommandName() {
        StoreOptions options = resolve("count", "--backend", "memory", "--path", "p", "users");

        assertEquals("memory", options.backend());
        assertEquals(Optional.of(Path.of("p")), options.path());
    }

    @Test
    void opensTheNamedBackend() {
        CliRunner.Result result = CliRunner.runOpening("count", "users", "--backend", "memory");

        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertEquals("0\n", result.out());
    }

    @Test
    void anUnknownBackendExitsThreeListingTheBackendsFound() {
        CliRunner.Result result = CliRunner.runOpening("--backend", "tape", "get", "users", "u1");

        assertEquals(ExitCodes.STORAGE, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("offline get: no storage backend named 'tape'; backends found: "), result.err());
        assertTrue(result.err().contains("memory"), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
    }

    @Test
    void aBadConfigFileExitsThreeNamingIt() {
        Path missing = dir.resolve("absent.yaml");

        CliRunner.Result result = CliRunner.runOpening("--config", missing.toString(), "info");

        assertEquals(ExitCodes.STORAGE, result.exitCode());
        assertTrue(result.err().contains("config file " + missing + " does not exist"), result.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRunner.Result result = CliRunner.runOpening("--verbose", "--backend", "tape", "info");

        assertEquals(ExitCodes.STORAGE, result.exitCode());
        assertTrue(result.err().contains("BackendNotFoundException"), result.err());
        assertTrue(result.err().contains("\tat "), result.err());
    }

    @Test
    void withoutACommandPrintsUsageAndExitsTwo() {
        CliRunner.Result result = CliRunner.runOpening();

        assertEquals(ExitCodes.BAD_INPUT, result.exitCode());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("offline: missing command\nUsage: offline"), result.err());
        assertTrue(result.err().contains("demo"), result.err());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRunner.Result unknownCommand = CliRunner.runOpening("frobnicate");
        assertEquals(ExitCodes.BAD_INPUT, unknownCommand.exitCode());
        assertTrue(unknownCommand.err().contains("'frobnicate'"), unknownCommand.err());

        CliRunner.Result missingArgument = CliRunner.runOpening("get", "users");
        assertEquals(ExitCodes.BAD_INPUT, missingArgument.exitCode());
        assertTrue(missingArgument.err().contains("Missing required parameter: 'ID'"), missingArgument.err());
        assertTrue(missingArgument.err().contains("Try 'offline get --help' for usage."), missingArgument.err());
    }

    @Test
    void helpGoesToStdoutAndExitsZero() {
        CliRunner.Result result = CliRunner.runOpening("query", "--help");

        assertEquals(ExitCodes.OK, result.exitCode());
        assertTrue(result.out().startsWith("Usage: offline query"), result.out());
    }

    private static StoreOptions resolve(String... args) {
        OfflineCommand root = new OfflineCommand(StoreSession.opening());
        new CommandLine(root).parseArgs(args);
        return root.storeOptions();
    }
}
