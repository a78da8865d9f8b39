package io.offlinestore.engine.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Change;
import io.offlinestore.StorageException;
import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The durable change log. Unsynchronized changes live in one keyspace keyed by (commit
 * sequence, ordinal), so they are read in commit order; marking them synchronized moves them to
 * a second keyspace keyed by the time they were marked, from which those older than the
 * retention are pruned with one range scan.
 */
public final class ChangeLog {
    private final StorageBackend backend;
    private final PendingDocuments pendingDocuments = new PendingDocuments();

    /** Opens the log and counts its unsynchronized changes per document. */
    public ChangeLog(StorageBackend backend) {
        this.backend = backend;
        backend.createKeyspace(Keyspaces.CHANGES);
        backend.createKeyspace(Keyspaces.SYNCED_CHANGES);
        pendingDocuments.added(pending(0, Integer.MAX_VALUE, c -> true));
    }

    /** The documents with unsynchronized changes; commits that log changes add theirs. */
    public PendingDocuments pendingDocuments() {
        return pendingDocuments;
    }


    /** The key of a change in the log. */
    public static byte[] key(Change change) {
        return ByteBuffer.allocate(12).putLong(change.sequence()).putInt(change.ordinal()).array();
    }

    static byte[] encode(Change change) {
        ObjectNode node = EngineJson.MAPPER.createObjectNode()
                .put("collection", change.collection())
                .put("operation", change.operation().name())
                .put("version", change.version())
                .put("timestamp", change.timestamp().toEpochMilli())
                .put("transaction", change.transactionId());
        node.set("id", EngineJson.toNode(change.id()));
        try {
            return EngineJson.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new StorageException("cannot encode change record", e);
        }
    }

    private static Change decode(byte[] key, byte[] value) {
        ByteBuffer k = ByteBuffer.wrap(key, key.length - 12, 12);
        try {
            JsonNode node = EngineJson.MAPPER.readTree(value);
            JsonNode id = node.get("id");
            return new Change(k.getLong(), k.getInt(), node.get("collection").textValue(),
                    id.isTextual() ? id.textValue() : (Object) id.longValue(),
                    Change.Operation.valueOf(node.get("operation").textValue()), node.get("version").longValue(),
                    Instant.ofEpochMilli(node.get("timestamp").longValue()), node.path("transaction").textValue());
        } catch (IOException | RuntimeException e) {
            throw new StorageException("change record is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Unsynchronized changes after {@code afterSequence} that pass the filter. A page never
     * splits a commit: it stops at the first commit boundary at or after {@code limit} changes,
     * so it may hold more than {@code limit} when one commit does, and paging by the last
     * sequence seen loses nothing.
     */
    public List<Change> pending(long afterSequence, int limit, Predicate<Change> filter) {
        List<Change> out = new ArrayList<>();
        byte[] start = ByteBuffer.allocate(8).putLong(afterSequence + 1).array();
        try (KeyValueCursor cursor = backend.scan(Keyspaces.CHANGES, KeyRange.of(start, true, null, true), false)) {
            while (cursor.hasNext()) {
                KeyValue entry = cursor.next();
                Change change = decode(entry.key(), entry.value());
                if (out.size() >= limit && (limit == 0 || change.sequence() != out.get(out.size() - 1).sequence())) {
                    break;
                }
                if (filter.test(change)) {
                    out.add(change);
                }
            }
        }
        return out;
    }

    /**
     * Moves the changes to the synchronized keyspace and prunes synchronized changes marked
     * before {@code pruneBefore}, in one batch.
     */
    public void markSynchronized(Collection<Change> changes, long now, long pruneBefore) {
        WriteBatch batch = new WriteBatch();
        List<Change> moved = new ArrayList<>();
        for (Change change : changes) {
            byte[] key = key(change);
            byte[] value = backend.get(Keyspaces.CHANGES, key);
            if (value != null) {
                moved.add(change);
                batch.delete(Keyspaces.CHANGES, key);
                batch.put(Keyspaces.SYNCED_CHANGES, ByteBuffer.allocate(20).putLong(now).put(key).array(), value);
            }
        }
        byte[] end = ByteBuffer.allocate(8).putLong(pruneBefore).array();
        try (KeyValueCursor cursor = backend.scan(Keyspaces.SYNCED_CHANGES, KeyRange.halfOpen(new byte[0], end), false)) {
            while (cursor.hasNext()) {
                batch.delete(Keyspaces.SYNCED_CHANGES, cursor.next().key());
            }
        }
        if (!batch.isEmpty()) {
            backend.apply(batch);
        }
        pendingDocuments.removed(moved);
    }
}
