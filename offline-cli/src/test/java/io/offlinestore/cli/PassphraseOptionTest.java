package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passphrase of an encrypted store comes from a named variable or a prompt, never from the file. */
class PassphraseOptionTest {
    @TempDir
    Path dir;

    @Test
    void aConfigFileCannotHoldThePassphraseItself() throws IOException {
        Path config = Files.writeString(dir.resolve("store.yaml"),
                "offline:\n  backend: memory\n  encryption:\n    sensitive-fields: [ssn]\n    passphrase: hunter2\n");
        CliRunner.Result result = CliRunner.runOpening("--config", config.toString(), "count", "users");
        assertEquals(ExitCodes.STORAGE, result.exitCode());
        assertTrue(result.err().contains("offline.encryption.passphrase"), result.err());
    }

    @Test
    void aMissingPassphraseVariableIsNamed() throws IOException {
        Path config = Files.writeString(dir.resolve("store.yaml"), "offline:\n  backend: memory\n  encryption:\n"
                + "    sensitive-fields: [ssn]\n    passphrase-env: OFFLINE_STORE_TEST_VARIABLE_THAT_IS_NOT_SET\n");
        CliRunner.Result result = CliRunner.runOpening("--config", config.toString(), "count", "users");
        assertEquals(ExitCodes.STORAGE, result.exitCode());
        assertTrue(result.err().contains("OFFLINE_STORE_TEST_VARIABLE_THAT_IS_NOT_SET"), result.err());
    }

    @Test
    void askingNeedsATerminal() throws IOException {
        Path config = Files.writeString(dir.resolve("store.yaml"), "offline:\n  backend: memory\n  encryption:\n"
                + "    sensitive-fields: [ssn]\n    passphrase-env: UNUSED\n");
        CliRunner.Result result = CliRunner.runOpening("--config", config.toString(), "--ask-passphrase", "count", "users");
        assertEquals(ExitCodes.STORAGE, result.exitCode());
        assertTrue(result.err().contains("terminal"), result.err());
    }
}
