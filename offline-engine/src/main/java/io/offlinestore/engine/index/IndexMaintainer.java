package io.offlinestore.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps secondary indexes in step with their documents: derives the entries a document change
 * removes and adds ({@link #update}), checks unique indexes over a whole unit of work
 * ({@link #findViolation}), and writes the entries into the unit's batch ({@link #write}).
 * Commits and index builds both go through it, so there is one unique check.
 */
public final class IndexMaintainer {
    private static final byte[] NO_VALUE = new byte[0];

    private final StorageBackend backend;

    public IndexMaintainer(StorageBackend backend) {
        this.backend = backend;
    }

    /**
     * Records in {@code changes} the entries of {@code index} that change when a document goes
     * from {@code before} to {@code after} (either may be null: created or deleted).
     *
     * @param id        the document's id
     * @param encodedId the document's key
     * @return whether the new entries make the index multikey
     */
    public boolean update(IndexState index, JsonNode before, JsonNode after, JsonNode id, byte[] encodedId,
                          String collection, IndexChanges changes) {
        Set<ByteBuffer> beforeKeys = new HashSet<>();
        if (before != null) {
            IndexEntries.of(index, before, collection).prefixes()
                    .forEach(p -> beforeKeys.add(ByteBuffer.wrap(IndexEntries.key(p, encodedId))));
        }
        Set<ByteBuffer> afterKeys = new HashSet<>();
        IndexEntries entries = after == null ? null : IndexEntries.of(index, after, collection);
        if (entries != null) {
            for (int i = 0; i < entries.prefixes().size(); i++) {
                byte[] prefix = entries.prefixes().get(i);
                ByteBuffer key = ByteBuffer.wrap(IndexEntries.key(prefix, encodedId));
                afterKeys.add(key);
                if (!beforeKeys.contains(key)) {
                    changes.add(key, new IndexChanges.Added(prefix, encodedId, entries.nullable().get(i), id, after));
                }
            }
        }
        for (ByteBuffer key : beforeKeys) {
            if (!afterKeys.contains(key)) {
                changes.remove(key);
            }
        }
        return entries != null && entries.multikey();
    }

    /**
     * The first value of a unique index claimed twice: by two documents of the unit of work, or
     * by one of them and a stored entry the unit does not remove. Entries with a null value are
     * exempt. Not unique, or no clash: empty.
     *
     * @param stored whether the index has stored entries to check against (false for a new index)
     */
    public Optional<UniqueViolation> findViolation(IndexState index, IndexChanges changes, boolean stored) {
        if (!index.definition().unique()) {
            return Optional.empty();
        }
        Map<ByteBuffer, IndexChanges.Added> claimed = new HashMap<>();
        for (IndexChanges.Added added : changes.additions()) {
            if (added.nullable()) {
                continue;
            }
            IndexChanges.Added other = claimed.putIfAbsent(ByteBuffer.wrap(added.prefix()), added);
            if (other != null && !Arrays.equals(other.encodedId(), added.encodedId())) {
                return Optional.of(new UniqueViolation(added, other.id()));
            }
            if (stored) {
                Optional<JsonNode> holder = storedHolder(index, changes, added);
                if (holder.isPresent()) {
                    return Optional.of(new UniqueViolation(added, holder.get()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> storedHolder(IndexState index, IndexChanges changes, IndexChanges.Added added) {
        KeyRange equal = KeyRange.halfOpen(added.prefix(), KeyCodec.prefixEnd(added.prefix()));
        try (KeyValueCursor cursor = backend.scan(index.keyspace(), equal, false)) {
            while (cursor.hasNext()) {
                KeyValue existing = cursor.next();
                byte[] existingId = Arrays.copyOfRange(existing.key(), added.prefix().length, existing.key().length);
                if (!Arrays.equals(existingId, added.encodedId()) && !changes.isRemoved(ByteBuffer.wrap(existing.key()))) {
                    return Optional.of(KeyCodec.decodeTuple(existingId).get(0));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Puts the entries' removals and additions into the batch; an added entry is one the
     * document's stored version does not have, so it goes in as an {@link WriteBatch#insert}.
     */
    public void write(IndexState index, IndexChanges changes, WriteBatch batch) {
        changes.removed().forEach(key -> batch.delete(index.keyspace(), key.array()));
        changes.added().keySet().forEach(key -> batch.insert(index.keyspace(), key.array(), NO_VALUE));
    }
}
