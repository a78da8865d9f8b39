package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.index.IndexEntries;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.engine.query.FieldPath;
import io.offlinestore.internal.Json;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes of one atomic commit, buffered until {@link #apply}: document puts and deletes
 * across collections. It reads its own writes, and at apply derives every index change from
 * each document's state before and after the commit, checks unique indexes against the store
 * and against the commit itself, and hands documents, index entries and catalog changes to the
 * backend as one {@link WriteBatch}. Used under the store's write lock.
 */
final class Commit {
    private final StorageBackend backend;
    private final RecordFormat format;
    private final long now;
    private final Map<String, CollectionState> collections = new LinkedHashMap<>();
    private final Map<String, Map<ByteBuffer, Change>> changes = new LinkedHashMap<>();

    /** One document's state before the commit and after it (null = absent). */
    private static final class Change {
        final JsonNode id;
        final StoredRecord before;
        StoredRecord after;

        Change(JsonNode id, StoredRecord before) {
            this.id = id;
            this.before = before;
            this.after = before;
        }
    }

    Commit(StorageBackend backend, RecordFormat format, long now) {
        this.backend = backend;
        this.format = format;
        this.now = now;
    }

    /** The collection's state as this commit sees it. */
    CollectionState collection(CollectionState state) {
        return collections.computeIfAbsent(state.name(), n -> state);
    }

    /** The document as this commit sees it: its own write if any, else the stored one. */
    StoredRecord read(CollectionState state, JsonNode id) {
        return change(state, id).after;
    }

    /** Stores a body under the id: version 1 if new, else the next version. */
    StoredRecord put(CollectionState state, JsonNode id, ObjectNode body) {
        Change change = change(state, id);
        StoredRecord current = change.after;
        change.after = current == null
                ? new StoredRecord(1, now, now, body)
                : new StoredRecord(current.version() + 1, current.createdAt(), now, body);
        return change.after;
    }

    /** Deletes the document; returns whether it existed as this commit saw it. */
    boolean delete(CollectionState state, JsonNode id) {
        Change change = change(state, id);
        boolean existed = change.after != null;
        change.after = null;
        return existed;
    }

    boolean isEmpty() {
        return changes.values().stream().allMatch(Map::isEmpty);
    }

    private Change change(CollectionState state, JsonNode id) {
        CollectionState current = collection(state);
        byte[] key = DocumentIds.encode(id, state.name());
        return changes.computeIfAbsent(current.name(), n -> new LinkedHashMap<>())
                .computeIfAbsent(ByteBuffer.wrap(key), k -> {
                    byte[] stored = current.stored() ? backend.get(current.documentsKeyspace(), key) : null;
                    return new Change(id, stored == null ? null : format.decode(stored));
                });
    }

    /**
     * Writes everything to the backend as one batch.
     *
     * @return the collection states this commit changed, to publish once applied
     * @throws DuplicateKeyException if a unique index would hold a value twice; nothing is written
     */
    List<CollectionState> apply() {
        WriteBatch batch = new WriteBatch();
        List<CollectionState> changedStates = new ArrayList<>();
        for (Map.Entry<String, Map<ByteBuffer, Change>> entry : changes.entrySet()) {
            CollectionState state = collections.get(entry.getKey());
            CollectionState next = writeCollection(state, entry.getValue().values(), batch);
            if (next != state) {
                changedStates.add(next);
            }
        }
        if (batch.isEmpty()) {
            return changedStates;
        }
        for (CollectionState state : changedStates) {
            backend.createKeyspace(state.documentsKeyspace());
            state.indexes().values().forEach(index -> backend.createKeyspace(index.keyspace()));
        }
        backend.apply(batch);
        return changedStates;
    }

    private CollectionState writeCollection(CollectionState state, Iterable<Change> docChanges, WriteBatch batch) {
        CollectionState next = state.asStored();
        Map<String, IndexChanges> perIndex = new LinkedHashMap<>();
        for (Change change : docChanges) {
            byte[] key = DocumentIds.encode(change.id, state.name());
            if (change.after == null) {
                if (change.before != null) {
                    batch.delete(state.documentsKeyspace(), key);
                }
            } else {
                batch.put(state.documentsKeyspace(), key, format.encode(change.after));
            }
            for (IndexState index : state.indexes().values()) {
                IndexChanges indexChanges = perIndex.computeIfAbsent(index.name(), n -> new IndexChanges());
                boolean multikey = indexChanges.record(index, change, key, state.name());
                if (multikey && !next.indexes().get(index.name()).multikey()) {
                    next = next.withIndex(next.indexes().get(index.name()).asMultikey());
                }
            }
        }
        for (IndexState index : state.indexes().values()) {
            IndexChanges indexChanges = perIndex.get(index.name());
            if (indexChanges != null) {
                if (index.definition().unique()) {
                    checkUnique(state, index, indexChanges);
                }
                indexChanges.removed.forEach(k -> batch.delete(index.keyspace(), k.array()));
                indexChanges.added.keySet().forEach(k -> batch.put(index.keyspace(), k.array(), new byte[0]));
            }
        }
        if (!next.equals(state)) {
            batch.put(Keyspaces.CATALOG, Catalog.key(next.name()), Catalog.encode(next));
            return next;
        }
        return state;
    }

    /** Index keys a commit removes and adds for one index, with what the unique check needs. */
    private static final class IndexChanges {
        final Set<ByteBuffer> removed = new HashSet<>();
        final Map<ByteBuffer, Added> added = new LinkedHashMap<>();

        record Added(byte[] prefix, byte[] encodedId, boolean nullable, Change change) {
        }

        /** Records the document's index changes; returns whether its new entries make the index multikey. */
        boolean record(IndexState index, Change change, byte[] encodedId, String collection) {
            IndexEntries before = change.before == null ? null : IndexEntries.of(index, change.before.body(), collection);
            IndexEntries after = change.after == null ? null : IndexEntries.of(index, change.after.body(), collection);
            Set<ByteBuffer> beforeKeys = new HashSet<>();
            if (before != null) {
                before.prefixes().forEach(p -> beforeKeys.add(ByteBuffer.wrap(IndexEntries.key(p, encodedId))));
            }
            Set<ByteBuffer> afterKeys = new HashSet<>();
            if (after != null) {
                for (int i = 0; i < after.prefixes().size(); i++) {
                    byte[] prefix = after.prefixes().get(i);
                    ByteBuffer key = ByteBuffer.wrap(IndexEntries.key(prefix, encodedId));
                    afterKeys.add(key);
                    if (!beforeKeys.contains(key)) {
                        added.put(key, new Added(prefix, encodedId, after.nullable().get(i), change));
                    }
                }
            }
            for (ByteBuffer key : beforeKeys) {
                if (!afterKeys.contains(key)) {
                    removed.add(key);
                }
            }
            return after != null && after.multikey();
        }
    }

    private void checkUnique(CollectionState state, IndexState index, IndexChanges indexChanges) {
        Map<ByteBuffer, IndexChanges.Added> claimed = new HashMap<>();
        for (IndexChanges.Added added : indexChanges.added.values()) {
            if (added.nullable()) {
                continue;
            }
            ByteBuffer prefix = ByteBuffer.wrap(added.prefix());
            IndexChanges.Added other = claimed.putIfAbsent(prefix, added);
            if (other != null && !Arrays.equals(other.encodedId(), added.encodedId())) {
                throw duplicate(state, index, added.change(), other.change().id);
            }
            try (KeyValueCursor cursor = backend.scan(index.keyspace(),
                    KeyRange.halfOpen(added.prefix(), KeyCodec.prefixEnd(added.prefix())), false)) {
                while (cursor.hasNext()) {
                    KeyValue existing = cursor.next();
                    byte[] existingId = Arrays.copyOfRange(existing.key(), added.prefix().length, existing.key().length);
                    if (!Arrays.equals(existingId, added.encodedId())
                            && !indexChanges.removed.contains(ByteBuffer.wrap(existing.key()))) {
                        throw duplicate(state, index, added.change(), KeyCodec.decodeTuple(existingId).get(0));
                    }
                }
            }
        }
    }

    private static DuplicateKeyException duplicate(CollectionState state, IndexState index, Change change, JsonNode holder) {
        List<String> values = new ArrayList<>();
        for (String field : index.definition().fields()) {
            values.add(field + "=" + Json.write(FieldPath.of(field).value(change.after.body())));
        }
        return new DuplicateKeyException(state.name(), index.name(), "collection '" + state.name() + "': unique index '"
                + index.name() + "' already holds " + String.join(", ", values) + " for document "
                + DocumentIds.describe(holder) + "; document " + DocumentIds.describe(change.id) + " was not written");
    }
}
