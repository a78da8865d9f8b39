package io.offlinestore.backend.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derby's log goes to SLF4J, never to a stray {@code derby.log} file. */
class DerbyLogTest {

    @TempDir
    Path directory;

    @Test
    void loadingTheProviderPointsDerbysLogAtTheSlf4jStream() {
        new DerbyBackendProvider();
        assertEquals(DerbyLog.class.getName() + ".STREAM", System.getProperty(DerbyLog.FIELD_PROPERTY));
    }

    @Test
    void noDerbyLogInTheWorkingDirectoryOrTheStoreAfterOpenAndClose() throws IOException {
        try (StorageBackend backend = new DerbyBackendProvider().open(
                new BackendConfig(directory, "test", Durability.SYNC, Map.of()))) {
            backend.createKeyspace("ks");
            backend.apply(new WriteBatch().put("ks", new byte[] {1}, new byte[] {1}));
        }
        assertFalse(Files.exists(Path.of(System.getProperty("user.dir"), "derby.log")), "derby.log in the working directory");
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> logs = files.filter(file -> file.getFileName().toString().equals("derby.log")).toList();
            assertEquals(List.of(), logs, "derby.log in the store");
        }
    }
}
