package io.offlinestore.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.encryption.KeyProviders;
import io.offlinestore.sync.Operation.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queue whose payloads are sealed by the store's field encryption, on MapDB files. */
class EncryptedQueueTest {
    private static final String SECRET = "card-4111-1111-1111-1111";
    private static final String TYPE = "charge-customer-card";

    @TempDir
    Path directory;

    private StoreOptions options() {
        return StoreOptions.builder().backend("mapdb").path(directory.resolve("store"))
                .encryption(EncryptionOptions.builder().keyProvider(KeyProviders.passphrase("queue passphrase".toCharArray())).build())
                .collection(QueueOptions.collectionSchema(QueueOptions.DEFAULT_COLLECTION).toBuilder().sensitiveFields("payload").build())
                .build();
    }

    @Test
    void payloadsAreSealedOnDiskAndOpenedForHandlers() throws IOException {
        String id;
        try (OfflineStore store = OfflineStore.open(options()); OperationQueue queue = OperationQueue.open(store)) {
            id = queue.enqueue(Operation.builder(TYPE).payload(Document.of(Map.of("card", SECRET))).build());
        }

        String files = contentsOf(directory);
        assertTrue(files.contains(TYPE), "the scan reads the store's files: the operation type is there in clear");
        assertFalse(files.contains(SECRET), "the payload must be sealed on disk");

        List<String> seen = new ArrayList<>();
        try (OfflineStore store = OfflineStore.open(options()); OperationQueue queue = OperationQueue.open(store)) {
            queue.registerHandler(TYPE, operation -> {
                seen.add(operation.payload().getString("card"));
                return Outcome.success();
            });
            queue.runNow();
            assertEquals(Status.COMPLETED, queue.get(id).status());
        }
        assertEquals(List.of(SECRET), seen);
    }

    private static String contentsOf(Path directory) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
