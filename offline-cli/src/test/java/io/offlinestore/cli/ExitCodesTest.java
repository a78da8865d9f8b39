package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offlinestore.BackendNotFoundException;
import io.offlinestore.ConfigurationException;
import io.offlinestore.DocumentNotFoundException;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.QueryException;
import io.offlinestore.StorageException;
import io.offlinestore.StoreLockedException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void mapsEachKindOfFailure() {
        assertEquals(ExitCodes.NOT_FOUND, ExitCodes.of(new DocumentNotFoundException("users", "u1")));
        assertEquals(ExitCodes.BAD_INPUT, ExitCodes.of(new QueryException("filters.age", "bad")));
        assertEquals(ExitCodes.BAD_INPUT, ExitCodes.of(new InvalidDocumentException("bad")));
        assertEquals(ExitCodes.BAD_INPUT, ExitCodes.of(new DuplicateKeyException("users", "email", "taken")));
        assertEquals(ExitCodes.STORAGE, ExitCodes.of(new StorageException("disk")));
        assertEquals(ExitCodes.STORAGE, ExitCodes.of(new StoreLockedException(Path.of("data"))));
        assertEquals(ExitCodes.STORAGE, ExitCodes.of(new ConfigurationException("bad option")));
        assertEquals(ExitCodes.STORAGE, ExitCodes.of(new BackendNotFoundException("tape", List.of("memory"))));
        assertEquals(ExitCodes.STORAGE, ExitCodes.of(new OfflineStoreException("other")));
        assertEquals(ExitCodes.INTERNAL, ExitCodes.of(new IllegalStateException("bug")));
    }
}
