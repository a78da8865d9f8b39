package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.IntegrityReport;
import io.offlinestore.OfflineStore;
import io.offlinestore.StorageInfo;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The integrity check and storage usage. To prove the check finds real damage, the test
 * reaches past the engine and changes index entries in the backend directly.
 *
 * @deprecated extend {@link EngineContract} once instead: it runs this contract as its nested
 *             group {@code StoreManagement}. Subclasses of this class keep working.
 */
@Deprecated
public abstract class StoreManagementContract extends EngineContractSupport {
    private OfflineStore openCapturingBackend() {
        return openExposingBackend(b -> b.collection(CollectionSchema.builder("people")
                .index(IndexDefinition.of("city")).index(IndexDefinition.unique("email")).build()), raw -> raw);
    }

    private static void seed(DocumentCollection people, int count) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docs.add(doc("{'id':" + i + ",'city':'c" + (i % 3) + "','email':'p" + i + "@x','tags':['t" + (i % 2) + "']}"));
        }
        people.createBatch(docs);
    }

    @Test
    void checkFindsNothingWrongAfterOrdinaryWrites() {
        OfflineStore store = openCapturingBackend();
        DocumentCollection people = store.collection("people");
        seed(people, 50);
        people.update(doc("{'id':1,'city':'elsewhere','email':'p1@x'}"));
        people.delete(2);
        people.patch(3, doc("{'email':'new3@x'}"));
        people.createIndex(IndexDefinition.of("tags"));
        IntegrityReport report = store.check();
        assertTrue(report.isHealthy(), report.problems().toString());
        assertEquals(49, report.documents());
        assertEquals(49 * 3, report.indexEntries(), "every index holds every document, a missing value as null");
    }

    @Test
    void checkReportsMissingStaleAndOrphanEntries() {
        OfflineStore store = openCapturingBackend();
        seed(store.collection("people"), 10);
        String city = indexKeyspace("city");
        String email = indexKeyspace("email");
        backend.apply(new WriteBatch()
                .delete(city, KeyCodec.encodeTuple(TextNode.valueOf("c1"), LongNode.valueOf(4)))
                .put(city, KeyCodec.encodeTuple(TextNode.valueOf("nowhere"), LongNode.valueOf(5)), new byte[0])
                .put(email, KeyCodec.encodeTuple(TextNode.valueOf("ghost@x"), LongNode.valueOf(99)), new byte[0]));
        IntegrityReport report = store.check();
        assertFalse(report.isHealthy());
        assertEquals(3, report.problems().size(), report.problems().toString());
        String all = String.join("\n", report.problems());
        assertTrue(all.contains("people.city: missing entry [\"c1\"] for document [4]"), all);
        assertTrue(all.contains("people.city: stale entry [\"nowhere\", 5]"), all);
        assertTrue(all.contains("people.email: entry [\"ghost@x\", 99] points to a missing document"), all);
    }

    private String indexKeyspace(String index) {
        return backend.keyspaces().stream().filter(k -> k.startsWith("idx.people." + index + ".")).findFirst()
                .orElseThrow(() -> new AssertionError("no keyspace for index " + index + " in " + backend.keyspaces()));
    }

    @Test
    void storageInfoCountsDocumentsAndBytesPerCollection() {
        OfflineStore store = openCapturingBackend();
        seed(store.collection("people"), 20);
        store.collection("notes").create(doc("{'id':'n1','text':'hello'}"));
        StorageInfo info = store.storageInfo();
        StorageInfo.CollectionUsage people = info.collections().get("people");
        assertEquals(20, people.documents());
        assertTrue(people.documentBytes() > 20 * 20, "documents take bytes: " + people);
        assertTrue(people.indexBytes() > 0);
        assertEquals(1, info.collections().get("notes").documents());
        assertEquals(0, info.collections().get("notes").indexBytes());
        assertTrue(info.usedBytes() >= people.documentBytes() + people.indexBytes());
        store.collection("people").deleteBatch(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertEquals(10, store.storageInfo().collections().get("people").documents());
        assertTrue(store.storageInfo().collections().get("people").documentBytes() < people.documentBytes());
    }
}
