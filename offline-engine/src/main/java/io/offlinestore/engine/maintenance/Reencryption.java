package io.offlinestore.engine.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.ReencryptionProgress;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.crypto.DocumentTransform;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.engine.tx.Committer;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The re-encryption pass: walks each collection with encrypted fields in id order, in batches,
 * and re-seals the documents holding a value sealed with an old key (or not sealed at all). Each
 * batch is one commit that also records how far the pass got, so a pass cut short by a crash
 * resumes after the last committed batch. Re-sealing is not a change: versions, timestamps and
 * the change log are left as they were.
 */
public final class Reencryption {
    static final int BATCH = 200;

    private final StorageBackend backend;
    private final RecordFormat format;
    private final Committer committer;
    private final Function<String, CollectionState> states;
    private final Function<CollectionState, DocumentTransform> transforms;

    /**
     * @param committer   runs each batch as one commit
     * @param states      the current state of a collection
     * @param transforms  the transform sealing a collection's encrypted fields
     */
    public Reencryption(StorageBackend backend, RecordFormat format, Committer committer,
                        Function<String, CollectionState> states,
                        Function<CollectionState, DocumentTransform> transforms) {
        this.backend = backend;
        this.format = format;
        this.committer = committer;
        this.states = states;
        this.transforms = transforms;
    }

    /** Re-seals every collection's documents, reporting progress after each batch. */
    public ReencryptionProgress run(List<CollectionState> collections, Consumer<ReencryptionProgress> progress) {
        long scanned = 0;
        long resealed = 0;
        String last = "";
        for (CollectionState listed : collections) {
            DocumentTransform transform = transforms.apply(listed);
            if (transform.fields().isEmpty() || !listed.stored()) {
                continue;
            }
            last = listed.name();
            byte[] cursorKey = ("reencrypt/" + listed.name()).getBytes(StandardCharsets.UTF_8);
            while (true) {
                long[] counts = committer.write(commit -> batch(commit, states.apply(listed.name()), transform, cursorKey));
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
    private long[] batch(Commit commit, CollectionState state, DocumentTransform transform, byte[] cursorKey) {
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
            if (transform.needsResealing(record.body())) {
                JsonNode id = DocumentIds.fromBody(record.body(), state.keyPath(), state.name());
                ObjectNode plain = transform.open(record.body());
                commit.rewrite(state, id, transform.seal(id, plain));
                resealed++;
            }
        }
        commit.putMeta(cursorKey, documents.get(documents.size() - 1).key());
        return new long[] {documents.size(), resealed};
    }
}
