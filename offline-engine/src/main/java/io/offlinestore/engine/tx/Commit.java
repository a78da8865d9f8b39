package io.offlinestore.engine.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Change;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.StorageException;
import io.offlinestore.TransactionConflictException;
import io.offlinestore.engine.catalog.Catalog;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.engine.change.ChangeRecorder;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.index.IndexChanges;
import io.offlinestore.engine.index.IndexMaintainer;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.engine.index.UniqueViolation;
import io.offlinestore.engine.query.FieldPath;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The reads and writes of one atomic commit, buffered until {@link #prepare}: document puts and
 * deletes across collections. It reads its own writes and remembers the commit sequence of
 * every document it read, so that {@link #validate} can tell whether another commit changed one
 * since. At prepare its {@link IndexMaintainer} derives every index change from each document's
 * state before and after and checks unique indexes, a {@link ChangeRecorder} appends change
 * records, and everything goes into one {@link WriteBatch}, which the {@link CommitPipeline}
 * writes with the rest of its group. Validate and prepare run under the store's write lock
 * against the backend as the pipeline shows it (earlier commits not yet written included); a
 * single write does all its work there, a transaction only those two steps.
 */
public final class Commit {
    private final StorageBackend backend;
    private final RecordFormat format;
    private final IndexMaintainer indexes;
    private final Map<String, CollectionState> collections = new LinkedHashMap<>();
    private final Map<String, Map<ByteBuffer, Touched>> touched = new LinkedHashMap<>();
    private final Map<ByteBuffer, byte[]> meta = new LinkedHashMap<>();
    private final List<WriteBatch.Delete> raw = new ArrayList<>();
    private boolean recordChanges = true;

    /**
     * One document this commit read or wrote: as first read, and as it will be written. A
     * stored record that cannot be decoded is held as an empty placeholder with the error: it
     * can be deleted or overwritten, but not read.
     */
    private static final class Touched {
        final JsonNode id;
        final StoredRecord before;
        final StorageException unreadable;
        final long beforeBytes;
        ObjectNode after;
        boolean written;
        boolean maintenance;
        boolean evicted;

        Touched(JsonNode id, StoredRecord before, StorageException unreadable, long beforeBytes) {
            this.id = id;
            this.before = before;
            this.unreadable = unreadable;
            this.beforeBytes = beforeBytes;
            this.after = before == null ? null : before.body();
        }
    }

    /**
     * What a commit will do: its batch (empty when it writes nothing and so uses no sequence
     * number), the collection states to publish, the changes it made (for listeners), those of
     * them it wrote to the change log, and per collection how its documents' count and bytes
     * change.
     */
    public record Result(WriteBatch batch, List<CollectionState> states, List<Change> changes, List<Change> logged,
                         Map<String, SizeDelta> sizes) {
        /** Whether the commit writes anything. */
        public boolean applies() {
            return !batch.isEmpty();
        }
    }

    public Commit(StorageBackend backend, RecordFormat format) {
        this.backend = backend;
        this.format = format;
        this.indexes = new IndexMaintainer(backend);
    }

    /** Makes this commit write no change records (listeners are still told); returns it. */
    public Commit untracked() {
        recordChanges = false;
        return this;
    }

    /**
     * The collection's state as this commit first saw it, or the newer one once a collection
     * first seen unstored has been stored by another commit.
     */
    public CollectionState collection(CollectionState state) {
        CollectionState seen = collections.get(state.name());
        if (seen == null || !seen.stored() && state.stored()) {
            collections.put(state.name(), state);
            return state;
        }
        return seen;
    }

    /**
     * The document as this commit sees it: its own write if any, else the stored one (with its
     * timestamps; an unapplied write has the times of its stored version, or none).
     */
    public StoredRecord read(CollectionState state, JsonNode id) {
        Touched t = touch(state, id);
        if (t.unreadable != null && !t.written) {
            throw new StorageException("collection '" + state.name() + "': document " + DocumentIds.describe(id)
                    + " is unreadable (delete or overwrite it): " + t.unreadable.getMessage(), t.unreadable);
        }
        if (t.after == null) {
            return null;
        }
        if (!t.written) {
            return t.before;
        }
        return t.before == null ? new StoredRecord(1, 0, 0, 0, t.after)
                : new StoredRecord(t.before.version() + 1, 0, t.before.createdAt(), t.before.updatedAt(), t.after);
    }

    /** Stores a body under the id. */
    public void put(CollectionState state, JsonNode id, ObjectNode body) {
        Touched t = touch(state, id);
        t.after = body;
        t.written = true;
    }

    /**
     * Rewrites a stored document's body without it counting as a change: the version, the
     * timestamps and the change log stay as they are (used to re-seal encrypted fields).
     */
    public void rewrite(CollectionState state, JsonNode id, ObjectNode body) {
        Touched t = touch(state, id);
        if (t.before == null || t.written) {
            throw new IllegalStateException("only a stored, untouched document can be rewritten");
        }
        t.after = body;
        t.written = true;
        t.maintenance = true;
    }

    /** Sets (or, with null, removes) a metadata entry in the same batch as the commit's writes. */
    public void putMeta(byte[] key, byte[] value) {
        meta.put(ByteBuffer.wrap(key.clone()), value);
    }

    /**
     * Removes the document as local housekeeping (eviction, clear): its index entries go as for a
     * delete, but no change record is written and listeners hear {@link Change.Operation#EVICTED}.
     * Returns whether it existed as this commit saw it.
     */
    public boolean evict(CollectionState state, JsonNode id) {
        Touched t = touch(state, id);
        boolean existed = t.after != null;
        if (existed && !t.written) {
            t.after = null;
            t.written = true;
            t.evicted = true;
        }
        return existed;
    }

    /** Removes a raw entry of a keyspace in the same batch (used to discard change records). */
    public void deleteEntry(String keyspace, byte[] key) {
        raw.add(new WriteBatch.Delete(keyspace, key.clone()));
    }

    /** The ids of the documents this commit read or wrote, per collection. */
    public Map<String, Set<JsonNode>> touchedIds() {
        Map<String, Set<JsonNode>> out = new LinkedHashMap<>();
        touched.forEach((collection, docs) -> {
            Set<JsonNode> ids = new HashSet<>();
            docs.values().forEach(t -> ids.add(t.id));
            out.put(collection, ids);
        });
        return out;
    }

    /** Deletes the document; returns whether it existed as this commit saw it. */
    public boolean delete(CollectionState state, JsonNode id) {
        Touched t = touch(state, id);
        boolean existed = t.after != null;
        t.after = null;
        t.written = true;
        return existed;
    }

    /** The documents this commit wrote in a collection, by id, with their new bodies (null = deleted). */
    public Map<JsonNode, ObjectNode> written(String collection) {
        Map<JsonNode, ObjectNode> out = new LinkedHashMap<>();
        touched.getOrDefault(collection, Map.of()).values().stream().filter(t -> t.written)
                .forEach(t -> out.put(t.id, t.after));
        return out;
    }

    /** Remembers that the document was read as it is stored now, for validation at commit. */
    public void noteRead(CollectionState state, JsonNode id) {
        touch(state, id);
    }

    private Touched touch(CollectionState state, JsonNode id) {
        CollectionState current = collection(state);
        byte[] key = DocumentIds.encode(id, state.name());
        return touched.computeIfAbsent(current.name(), n -> new LinkedHashMap<>())
                .computeIfAbsent(ByteBuffer.wrap(key), k -> {
                    byte[] stored = current.stored() ? backend.get(current.documentsKeyspace(), key) : null;
                    if (stored == null) {
                        return new Touched(id, null, null, 0);
                    }
                    long bytes = (long) key.length + stored.length;
                    try {
                        return new Touched(id, format.decode(stored), null, bytes);
                    } catch (StorageException e) {
                        return new Touched(id, new StoredRecord(1, sequenceOf(stored), 0, 0,
                                EngineJson.MAPPER.createObjectNode()), e, bytes);
                    }
                });
    }

    /** The commit sequence in a stored record's header, or 0 when even the header is damaged. */
    private long sequenceOf(byte[] stored) {
        try {
            return format.sequenceOf(stored);
        } catch (StorageException e) {
            return 0;
        }
    }

    /**
     * Checks that no document this commit read or wrote has been changed by another commit
     * since it was read.
     *
     * @throws TransactionConflictException naming the first document changed
     */
    public void validate(Function<String, CollectionState> latest) {
        for (Map.Entry<String, Map<ByteBuffer, Touched>> entry : touched.entrySet()) {
            CollectionState state = latest.apply(entry.getKey());
            for (Map.Entry<ByteBuffer, Touched> doc : entry.getValue().entrySet()) {
                byte[] stored = state.stored() ? backend.get(state.documentsKeyspace(), doc.getKey().array()) : null;
                long now = stored == null ? 0 : sequenceOf(stored);
                long then = doc.getValue().before == null ? 0 : doc.getValue().before.sequence();
                if (now != then) {
                    throw new TransactionConflictException(state.name(), DocumentIds.toJava(doc.getValue().id));
                }
            }
        }
    }

    /**
     * Builds the commit's one batch, stamped with the commit sequence; nothing is written yet.
     *
     * @param latest        the current state of each collection (indexes may have changed since it was read)
     * @param sequence      this commit's sequence number
     * @param now           the commit time, epoch milliseconds
     * @param transactionId recorded on each change
     * @return the collection states this commit changed and the changes it made
     * @throws DuplicateKeyException if a unique index would hold a value twice; nothing is written
     */
    public Result prepare(Function<String, CollectionState> latest, long sequence, long now, String transactionId) {
        WriteBatch batch = new WriteBatch();
        List<CollectionState> changedStates = new ArrayList<>();
        ChangeRecorder changes = new ChangeRecorder(sequence, now, transactionId);
        Map<String, SizeDelta> sizes = new LinkedHashMap<>();
        for (Map.Entry<String, Map<ByteBuffer, Touched>> entry : touched.entrySet()) {
            CollectionState state = latest.apply(entry.getKey());
            SizeDelta.Counter size = new SizeDelta.Counter();
            CollectionState next = writeCollection(state, entry.getValue(), batch, sequence, now, changes, size);
            if (next != state) {
                changedStates.add(next);
            }
            if (!size.isZero()) {
                sizes.put(state.name(), size.delta());
            }
        }
        raw.forEach(op -> batch.delete(op.keyspace(), op.key()));
        meta.forEach((key, value) -> {
            if (value == null) {
                batch.delete(Keyspaces.META, key.array());
            } else {
                batch.put(Keyspaces.META, key.array(), value);
            }
        });
        if (batch.isEmpty()) {
            return new Result(batch, List.of(), List.of(), List.of(), Map.of());
        }
        batch.put(Keyspaces.META, CommitSequence.KEY, CommitSequence.encode(sequence));
        for (CollectionState state : changedStates) {
            backend.createKeyspace(state.documentsKeyspace());
            state.indexes().values().forEach(index -> backend.createKeyspace(index.keyspace()));
        }
        return new Result(batch, changedStates, changes.changes(), changes.logged(), sizes);
    }

    private CollectionState writeCollection(CollectionState state, Map<ByteBuffer, Touched> docs, WriteBatch batch,
                                            long sequence, long now, ChangeRecorder changes, SizeDelta.Counter size) {
        CollectionState next = state.asStored();
        Map<String, IndexChanges> perIndex = new LinkedHashMap<>();
        for (Map.Entry<ByteBuffer, Touched> doc : docs.entrySet()) {
            Touched t = doc.getValue();
            if (!t.written || (t.before == null && t.after == null)) {
                continue;
            }
            byte[] key = doc.getKey().array();
            StoredRecord after = null;
            if (t.maintenance) {
                byte[] encoded = format.encode(new StoredRecord(t.before.version(), sequence,
                        t.before.createdAt(), t.before.updatedAt(), t.after));
                batch.put(state.documentsKeyspace(), key, encoded);
                size.replace(t.beforeBytes, (long) key.length + encoded.length);
            } else if (t.after == null) {
                batch.delete(state.documentsKeyspace(), key);
                size.replace(t.beforeBytes, 0);
            } else {
                byte[] encoded;
                if (t.before == null) {
                    after = new StoredRecord(1, sequence, now, now, t.after);
                    encoded = format.encode(after);
                    batch.insert(state.documentsKeyspace(), key, encoded); // validated as absent
                } else {
                    after = new StoredRecord(t.before.version() + 1, sequence, t.before.createdAt(), now, t.after);
                    encoded = format.encode(after);
                    batch.put(state.documentsKeyspace(), key, encoded);
                }
                size.replace(t.beforeBytes, (long) key.length + encoded.length);
            }
            if (t.unreadable != null) {
                removeEntriesOf(state, key, batch);
            }
            if (t.evicted) {
                changes.record(state.name(), DocumentIds.toJava(t.id), Change.Operation.EVICTED, t.before.version(),
                        false, batch);
            } else if (!t.maintenance) {
                changes.record(state.name(), DocumentIds.toJava(t.id),
                        t.before == null ? Change.Operation.CREATE : after == null ? Change.Operation.DELETE
                                : Change.Operation.UPDATE,
                        after == null ? t.before.version() : after.version(), recordChanges && state.schema().trackChanges(),
                        batch);
            }
            for (IndexState index : state.indexes().values()) {
                IndexChanges indexChanges = perIndex.computeIfAbsent(index.name(), n -> new IndexChanges());
                boolean multikey = indexes.update(index, t.before == null || t.unreadable != null ? null : t.before.body(), t.after, t.id, key,
                        state.name(), indexChanges);
                if (multikey && !next.indexes().get(index.name()).multikey()) {
                    next = next.withIndex(next.indexes().get(index.name()).asMultikey());
                }
            }
        }
        for (IndexState index : state.indexes().values()) {
            IndexChanges indexChanges = perIndex.get(index.name());
            if (indexChanges != null) {
                Optional<UniqueViolation> violation = indexes.findViolation(index, indexChanges, true);
                if (violation.isPresent()) {
                    throw duplicate(state, index, violation.get());
                }
                indexes.write(index, indexChanges, batch);
            }
        }
        if (!next.equals(state)) {
            batch.put(Keyspaces.CATALOG, Catalog.key(next.name()), Catalog.encode(next));
            return next;
        }
        return state;
    }

    /**
     * Removes every index entry of a document whose stored record could not be decoded, so its
     * values are unknown: each index of the collection is scanned for entries ending in its id.
     * Slow, but only ever needed to delete or overwrite a damaged record.
     */
    private void removeEntriesOf(CollectionState state, byte[] encodedId, WriteBatch batch) {
        for (IndexState index : state.indexes().values()) {
            try (KeyValueCursor cursor = backend.scan(index.keyspace(), KeyRange.all(), false)) {
                while (cursor.hasNext()) {
                    byte[] entry = cursor.next().key();
                    if (Arrays.equals(KeyCodec.encode(KeyCodec.decodeLast(entry)), encodedId)) {
                        batch.delete(index.keyspace(), entry);
                    }
                }
            }
        }
    }

    private static DuplicateKeyException duplicate(CollectionState state, IndexState index, UniqueViolation violation) {
        List<String> values = new ArrayList<>();
        for (String field : index.definition().fields()) {
            values.add(field + "=" + EngineJson.write(FieldPath.of(field).value(violation.added().body())));
        }
        return new DuplicateKeyException(state.name(), index.name(), "collection '" + state.name() + "': unique index '"
                + index.name() + "' already holds " + String.join(", ", values) + " for document "
                + DocumentIds.describe(violation.holder()) + "; document " + DocumentIds.describe(violation.added().id())
                + " was not written");
    }
}
