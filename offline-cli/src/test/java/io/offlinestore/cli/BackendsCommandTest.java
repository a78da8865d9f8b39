package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackendsCommandTest {

    @Test
    void listsTheDiscoveredBackendsOneALine() {
        CliRunner.Result result = CliRunner.runOpening("backends");

        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertTrue(result.lines().contains("memory"), result.out());
        assertEquals(result.lines().stream().sorted().toList(), result.lines(), "names come sorted");
        assertEquals("", result.err());
    }
}
