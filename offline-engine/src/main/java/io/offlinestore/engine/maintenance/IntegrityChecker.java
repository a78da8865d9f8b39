package io.offlinestore.engine.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.IntegrityReport;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.index.IndexEntries;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Walks a store and reports where documents and index entries disagree. It holds one document
 * at a time: first every document's expected entries are looked up, then every index entry is
 * traced back to its document.
 */
public final class IntegrityChecker {
    private static final int MAX_PROBLEMS = 1_000;

    private final StorageBackend backend;
    private final RecordFormat format;
    private final List<String> problems = new ArrayList<>();
    private long documents;
    private long entries;

    public IntegrityChecker(StorageBackend backend, RecordFormat format) {
        this.backend = backend;
        this.format = format;
    }

    public IntegrityReport check(List<CollectionState> collections) {
        for (CollectionState state : collections) {
            if (state.stored()) {
                checkDocuments(state);
                state.indexes().values().forEach(index -> checkEntries(state, index));
            }
        }
        return new IntegrityReport(documents, entries, problems);
    }

    private void checkDocuments(CollectionState state) {
        try (KeyValueCursor cursor = backend.scan(state.documentsKeyspace(), KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                KeyValue entry = cursor.next();
                documents++;
                StoredRecord record = decode(state, entry);
                if (record == null) {
                    continue;
                }
                JsonNode id = DocumentIds.fromBody(record.body(), state.keyPath(), state.name());
                if (id == null || !Arrays.equals(DocumentIds.encode(id, state.name()), entry.key())) {
                    report(state.name() + ": document stored under " + describeKey(entry.key())
                            + " carries id " + (id == null ? "none" : EngineJson.write(id)));
                }
                for (IndexState index : state.indexes().values()) {
                    for (byte[] prefix : IndexEntries.of(index, record.body(), state.name()).prefixes()) {
                        if (backend.get(index.keyspace(), IndexEntries.key(prefix, entry.key())) == null) {
                            report(state.name() + "." + index.name() + ": missing entry " + KeyCodec.decodeTuple(prefix)
                                    + " for document " + describeKey(entry.key()));
                        }
                    }
                }
            }
        }
    }

    private void checkEntries(CollectionState state, IndexState index) {
        try (KeyValueCursor cursor = backend.scan(index.keyspace(), KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                byte[] key = cursor.next().key();
                entries++;
                List<JsonNode> tuple;
                try {
                    tuple = KeyCodec.decodeTuple(key);
                } catch (RuntimeException e) {
                    report(state.name() + "." + index.name() + ": unreadable entry key: " + e.getMessage());
                    continue;
                }
                byte[] id = KeyCodec.encode(tuple.get(tuple.size() - 1));
                byte[] stored = backend.get(state.documentsKeyspace(), id);
                if (stored == null) {
                    report(state.name() + "." + index.name() + ": entry " + tuple + " points to a missing document");
                    continue;
                }
                StoredRecord record = decode(state, new KeyValue(id, stored));
                if (record != null && IndexEntries.of(index, record.body(), state.name()).prefixes().stream()
                        .noneMatch(prefix -> Arrays.equals(IndexEntries.key(prefix, id), key))) {
                    report(state.name() + "." + index.name() + ": stale entry " + tuple
                            + " does not match its document's values");
                }
            }
        }
    }

    private StoredRecord decode(CollectionState state, KeyValue entry) {
        try {
            return format.decode(entry.value());
        } catch (OfflineStoreException e) {
            report(state.name() + ": document " + describeKey(entry.key()) + " is unreadable: " + e.getMessage());
            return null;
        }
    }

    private static String describeKey(byte[] key) {
        try {
            return KeyCodec.decodeTuple(key).toString();
        } catch (RuntimeException e) {
            return HexFormat.of().formatHex(key);
        }
    }

    private void report(String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
