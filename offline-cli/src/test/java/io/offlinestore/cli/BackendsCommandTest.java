package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsCommandTest {

    @Test
    void listsTheShippedBackendsOneALine() {
        CliRunner.Result result = CliRunner.runOpening("backends");

        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertTrue(result.lines().containsAll(List.of("derby", "h2", "mapdb", "memory")),
                "every backend the CLI ships: " + result.out());
        assertEquals(result.lines().stream().sorted().toList(), result.lines(), "names come sorted");
        assertEquals("", result.err());
    }
}
