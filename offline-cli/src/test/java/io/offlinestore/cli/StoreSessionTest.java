package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.offlinestore.OfflineStore;
import io.offlinestore.StorageException;
import io.offlinestore.StoreOptions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreSessionTest {
    private static final StoreOptions MEMORY = StoreOptions.builder().backend("memory").build();

    @Test
    void opensOnceOnFirstUseAndClosesWhatItOpened() {
        StoreSession session = StoreSession.opening();
        AtomicInteger resolved = new AtomicInteger();

        OfflineStore store = session.store(() -> {
            resolved.incrementAndGet();
            return MEMORY;
        });
        assertSame(store, session.store(() -> MEMORY));
        assertEquals(1, resolved.get());

        session.close();
        assertThrows(StorageException.class, store::collectionNames);
    }

    @Test
    void neverClosesALentStore() {
        try (OfflineStore lent = CliRunner.memoryStore()) {
            StoreSession session = StoreSession.lending(lent);

            assertSame(lent, session.store(() -> {
                throw new AssertionError("a lent store needs no options");
            }));
            session.close();
            assertEquals(Set.of(), lent.collectionNames());
        }
    }
}
