package io.offlinestore.engine.tx;

import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The backend as the commit path sees it: the writes of groups validated but not yet written
 * laid over the stored entries, so that each commit is read, validated and checked for unique
 * values after every commit before it. Writes go through the {@link CommitPipeline}, never here.
 */
final class PendingReads implements StorageBackend {
    private final StorageBackend backend;
    private final CommitPipeline pipeline;

    PendingReads(StorageBackend backend, CommitPipeline pipeline) {
        this.backend = backend;
        this.pipeline = pipeline;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        for (PendingGroup group : pipeline.pending()) {
            PendingGroup.Slot slot = group.lookup(keyspace, key);
            if (slot != null) {
                return slot.value() == null ? null : slot.value().clone();
            }
        }
        return backend.get(keyspace, key);
    }

    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
        PendingGroup[] groups = pipeline.pending();
        NavigableMap<byte[], PendingGroup.Slot> overlay = new TreeMap<>(Arrays::compareUnsigned);
        for (int i = groups.length - 1; i >= 0; i--) {
            overlay.putAll(groups[i].range(keyspace, range));
        }
        KeyValueCursor stored = backend.scan(keyspace, range, reverse);
        return overlay.isEmpty() ? stored : new OverlayCursor(stored, reverse ? overlay.descendingMap() : overlay, reverse);
    }

    @Override
    public Set<Capability> capabilities() {
        return backend.capabilities();
    }

    @Override
    public void createKeyspace(String keyspace) {
        backend.createKeyspace(keyspace);
    }

    @Override
    public void dropKeyspace(String keyspace) {
        throw new UnsupportedOperationException("the commit path does not drop keyspaces");
    }

    @Override
    public Set<String> keyspaces() {
        return backend.keyspaces();
    }

    @Override
    public void apply(WriteBatch batch) {
        throw new UnsupportedOperationException("commits are written through the CommitPipeline");
    }

    @Override
    public BackendStats stats() {
        return backend.stats();
    }

    @Override
    public void compact() {
        throw new UnsupportedOperationException("the commit path does not compact");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("the store closes the backend");
    }
}
