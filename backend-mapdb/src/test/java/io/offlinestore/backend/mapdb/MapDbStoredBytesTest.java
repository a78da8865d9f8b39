package io.offlinestore.backend.mapdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Durability;
import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/** What the store file holds: keys and values as raw bytes, and never a Java-serialized object. */
class MapDbStoredBytesTest {
    private static final byte[] JAVA_SERIALIZATION_MAGIC = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05};

    @TempDir
    Path directory;

    private StorageBackend open() {
        return new MapDbBackendProvider().open(new BackendConfig(directory, "test", Durability.SYNC, Map.of()));
    }

    @Test
    void valuesAreStoredAsTheirRawBytesWithNoJavaSerialization() throws IOException {
        try (StorageBackend backend = open()) {
            backend.createKeyspace("docs");
            WriteBatch batch = new WriteBatch();
            for (int i = 0; i < 100; i++) {
                batch.put("docs", utf8("key-" + i), value(i));
            }
            backend.apply(batch);
        }
        byte[] file = Files.readAllBytes(directory.resolve("test.mapdb"));
        for (int i = 0; i < 100; i++) {
            assertTrue(indexOf(file, value(i)) >= 0, "value " + i + " is not in the file as it was written");
        }
        assertEquals(-1, indexOf(file, JAVA_SERIALIZATION_MAGIC), "a Java serialization stream in the store file");
    }

    @Test
    @SuppressWarnings("unchecked") // MapDB declares Serializer.JAVA as a raw type
    void aStoreDeclaringAnotherSerializerIsRefusedBeforeReadingIt() {
        open().close();
        try (DB db = DBMaker.fileDB(directory.resolve("test.mapdb").toFile()).transactionEnable().make()) {
            db.treeMap(Keyspace.mapName(99), Serializer.BYTE_ARRAY, Serializer.JAVA).create();
            BTreeMap<String, byte[]> registry =
                    db.treeMap(KeyspaceCatalog.REGISTRY, Serializer.STRING, Serializer.BYTE_ARRAY).open();
            registry.put("planted", ByteBuffer.allocate(3 * Long.BYTES).putLong(99).putLong(0).putLong(0).array());
            db.commit();
        }
        StorageException e = assertThrows(StorageException.class, this::open);
        assertTrue(e.getMessage().contains("ks.99") && e.getMessage().contains("SerializerJava"), e.getMessage());
    }

    private static byte[] value(int i) {
        return utf8(("document " + i + " ").repeat(20));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
