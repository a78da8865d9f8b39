package io.offlinestore.engine.tx;

import io.offlinestore.Change;
import io.offlinestore.StorageException;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The validated commits of one group, not yet on the backend: their writes merged into one
 * {@link WriteBatch} in commit order, the same writes indexed by keyspace and key so that the
 * commits validated after them read them, and whether the group has been written. Callers
 * hold it only to wait on it ({@link CommitPipeline#awaitDurable}). Commits are added under the
 * store's write lock; lookups may come from any thread.
 */
public final class PendingGroup {
    /** A key's state in the group: its last value, or {@code null} when the group deletes it. */
    record Slot(byte[] value) {
    }

    private final WriteBatch batch = new WriteBatch();
    private final Map<String, ConcurrentSkipListMap<byte[], Slot>> entries = new ConcurrentHashMap<>();
    private final List<List<Change>> changes = new ArrayList<>();
    private volatile Throwable failure;
    private volatile boolean finished;

    /** Adds one commit's batch and the changes to announce once the group is durable. */
    void add(WriteBatch commit, List<Change> commitChanges) {
        for (WriteBatch.Operation operation : commit.operations()) {
            byte[] value = operation instanceof WriteBatch.Put put ? put.value() : null;
            entries.computeIfAbsent(operation.keyspace(), k -> new ConcurrentSkipListMap<>(Arrays::compareUnsigned))
                    .put(operation.key(), new Slot(value));
        }
        batch.addAll(commit);
        changes.add(commitChanges);
    }

    /** The key's state in this group, or {@code null} when the group does not write it. */
    Slot lookup(String keyspace, byte[] key) {
        ConcurrentSkipListMap<byte[], Slot> written = entries.get(keyspace);
        return written == null ? null : written.get(key);
    }

    /** The keys this group writes in the range, ascending. */
    NavigableMap<byte[], Slot> range(String keyspace, KeyRange range) {
        ConcurrentSkipListMap<byte[], Slot> written = entries.get(keyspace);
        if (written == null) {
            return new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
        }
        NavigableMap<byte[], Slot> view = written;
        byte[] start = range.start();
        byte[] end = range.end();
        if (start != null) {
            view = view.tailMap(start, range.startInclusive());
        }
        if (end != null) {
            view = view.headMap(end, range.endInclusive());
        }
        return view;
    }

    boolean isEmpty() {
        return batch.isEmpty();
    }

    /** Whether the group has reached either bound and takes no more commits. */
    boolean isFull(int maxOperations, long maxBytes) {
        return batch.size() >= maxOperations || batch.sizeInBytes() >= maxBytes;
    }

    WriteBatch batch() {
        return batch;
    }

    /** Each commit's changes, in commit order. */
    List<List<Change>> changes() {
        return changes;
    }

    /** Marks the group written ({@code failure} null) or failed, waking every caller waiting on it. */
    void finish(Throwable failure) {
        this.failure = failure;
        this.finished = true;
    }

    boolean isFinished() {
        return finished;
    }

    /** Rethrows the failure of a finished group to one of its callers. */
    void rethrowFailure() {
        Throwable cause = failure;
        if (cause instanceof StorageException storage) {
            throw new StorageException("the commit's group could not be written: " + storage.getMessage(), storage);
        }
        if (cause != null) {
            throw new StorageException("the commit's group could not be written: " + cause, cause);
        }
    }
}
