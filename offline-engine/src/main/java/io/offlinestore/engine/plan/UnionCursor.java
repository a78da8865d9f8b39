package io.offlinestore.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.query.FieldPath;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The records of several branch cursors, each document once (by its id). Unordered, the
 * branches are opened and read one after another; ordered, they are all opened and merged by
 * the given order, each branch having to yield that order itself.
 */
final class UnionCursor implements RecordCursor {
    private final List<Supplier<RecordCursor>> pending;
    private final FieldPath id;
    private final Set<ByteBuffer> seen = new HashSet<>();
    private final List<RecordCursor> open = new ArrayList<>();
    private final PriorityQueue<Head> heads;
    private RecordCursor current;
    private StoredRecord next;

    private UnionCursor(List<Supplier<RecordCursor>> branches, Comparator<JsonNode> order, FieldPath id) {
        this.pending = new ArrayList<>(branches);
        this.id = id;
        this.heads = order == null ? null : new PriorityQueue<>(Comparator.comparing(h -> h.record().body(), order));
    }

    /** Reads the branches one after another, opening each when the previous one is exhausted. */
    static UnionCursor concatenated(List<Supplier<RecordCursor>> branches, FieldPath id) {
        return new UnionCursor(branches, null, id);
    }

    /** Opens every branch now and merges them by {@code order}, which each branch yields. */
    static UnionCursor merged(List<Supplier<RecordCursor>> branches, Comparator<JsonNode> order, FieldPath id) {
        UnionCursor cursor = new UnionCursor(branches, order, id);
        try {
            for (Supplier<RecordCursor> branch : branches) {
                RecordCursor opened = branch.get();
                cursor.open.add(opened);
                cursor.advance(opened);
            }
        } catch (RuntimeException e) {
            cursor.close();
            throw e;
        }
        cursor.pending.clear();
        return cursor;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            StoredRecord candidate = heads == null ? nextInSequence() : nextMerged();
            if (candidate == null) {
                return false;
            }
            if (seen.add(ByteBuffer.wrap(KeyCodec.encode(id.value(candidate.body()))))) {
                next = candidate;
            }
        }
        return true;
    }

    @Override
    public StoredRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        StoredRecord record = next;
        next = null;
        return record;
    }

    private StoredRecord nextInSequence() {
        while (current == null || !current.hasNext()) {
            if (current != null) {
                current.close();
                open.remove(current);
                current = null;
            }
            if (pending.isEmpty()) {
                return null;
            }
            current = pending.remove(0).get();
            open.add(current);
        }
        return current.next();
    }

    private StoredRecord nextMerged() {
        Head head = heads.poll();
        if (head == null) {
            return null;
        }
        advance(head.branch());
        return head.record();
    }

    private void advance(RecordCursor branch) {
        if (branch.hasNext()) {
            heads.add(new Head(branch.next(), branch));
        }
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (RecordCursor cursor : open) {
            try {
                cursor.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        open.clear();
        current = null;
        pending.clear();
        if (heads != null) {
            heads.clear();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The next record of one branch, waiting its turn in the merge. */
    private record Head(StoredRecord record, RecordCursor branch) {
    }
}
