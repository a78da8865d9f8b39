package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.ReencryptionProgress;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.crypto.EncryptedFields;
import io.offlinestore.engine.crypto.FieldCrypto;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The re-encryption pass: walks each collection with encrypted fields in id order, in batches,
 * and re-seals the documents holding a value sealed with an old key (or not sealed at all). Each
 * batch is one commit that also records how far the pass got, so a pass cut short by a crash
 * resumes after the last committed batch. Re-sealing is not a change: versions, timestamps and
 * the change log are left as they were.
 */
final class Reencryption {
    static final int BATCH = 200;

    private final EngineOfflineStore store;
    private final StorageBackend backend;
    private final RecordFormat format;
    private final FieldCrypto crypto;

    Reencryption(EngineOfflineStore store, StorageBackend backend, RecordFormat format, FieldCrypto crypto) {
        this.store = store;
        this.backend = backend;
        this.format = format;
        this.crypto = crypto;
    }

    ReencryptionProgress run(List<CollectionState> collections, Consumer<ReencryptionProgress> progress) {
        long scanned = 0;
        long resealed = 0;
        String last = "";
        for (CollectionState listed : collections) {
            EncryptedFields fields = store.encryptedFields(listed);
            if (fields.isEmpty() || !listed.stored()) {
                continue;
            }
            last = listed.name();
            byte[] cursorKey = ("reencrypt/" + listed.name()).getBytes(StandardCharsets.UTF_8);
            while (true) {
                long[] counts = store.write(commit -> batch(commit, store.state(listed.name()), fields, cursorKey));
                if (counts[0] == 0) {
                    break;
                }
                scanned += counts[0];
                resealed += counts[1];
                progress.accept(new ReencryptionProgress(listed.name(), scanned, resealed));
            }
        }
        return new ReencryptionProgress(last, scanned, resealed);
    }

    /** Re-seals the next batch; returns {documents scanned, documents re-sealed}. */
    private long[] batch(Commit commit, CollectionState state, EncryptedFields fields, byte[] cursorKey) {
        byte[] after = backend.get(Keyspaces.META, cursorKey);
        List<KeyValue> documents = new ArrayList<>(BATCH);
        KeyRange range = KeyRange.of(after, false, null, true);
        try (KeyValueCursor cursor = backend.scan(state.documentsKeyspace(), range, false)) {
            while (documents.size() < BATCH && cursor.hasNext()) {
                documents.add(cursor.next());
            }
        }
        if (documents.isEmpty()) {
            if (after != null) {
                commit.putMeta(cursorKey, null);
            }
            return new long[] {0, 0};
        }
        long resealed = 0;
        for (KeyValue entry : documents) {
            StoredRecord record = format.decode(entry.value());
            if (crypto.needsResealing(fields, record.body())) {
                JsonNode id = DocumentIds.fromBody(record.body(), state.keyPath(), state.name());
                ObjectNode plain = crypto.open(state.name(), fields, id, record.body());
                commit.rewrite(state, id, crypto.seal(state.name(), fields, id, plain));
                resealed++;
            }
        }
        commit.putMeta(cursorKey, documents.get(documents.size() - 1).key());
        return new long[] {documents.size(), resealed};
    }
}
