package io.offlinestore.sync.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The command line's argument errors: exit code 2, before any database is touched. */
class ServerMainTest {
    @Test
    void badArgumentsExitWith2() {
        assertEquals(2, ServerMain.run(new String[] {"--bogus"}));
        assertEquals(2, ServerMain.run(new String[] {"--port", "eighty"}));
        assertEquals(2, ServerMain.run(new String[] {"token", "create"}));
        assertEquals(2, ServerMain.run(new String[] {"token", "revoke"}));
        assertEquals(2, ServerMain.run(new String[] {"user", "delete", "ann"}));
        assertEquals(0, ServerMain.run(new String[] {"--help"}));
    }
}
