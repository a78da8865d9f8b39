package io.offlinestore.backend.memory;

import io.offlinestore.spi.BackendGuard;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.BackendStats.KeyspaceStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.KeyspaceNames;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link StorageBackend} that keeps each keyspace in a {@link java.util.concurrent.ConcurrentSkipListMap}
 * ordered by unsigned byte comparison. Nothing is written anywhere: the data is gone once the
 * backend is closed, so it declares none of the optional {@link Capability capabilities}.
 *
 * <h2>Atomicity</h2>
 * One {@link BackendGuard} (a read-write lock and the closed state) guards the keyspaces. {@link #apply}, {@link #createKeyspace}
 * and {@link #dropKeyspace} hold the write lock throughout; {@code apply} first checks every
 * operation (the backend is open, each keyspace name is valid and exists) and only then writes,
 * so a rejected batch changes nothing. {@link #get}, {@link #keyspaces}, {@link #stats} and each
 * step of a cursor ({@code hasNext} or {@code next}) hold the read lock, so no reader ever runs
 * while a batch is half applied, in one keyspace or across several.
 *
 * <p>A cursor holds the lock only inside a step, never between steps nor while the caller's
 * code runs. So an open or abandoned cursor never blocks a writer, a thread may write while its
 * own cursor is open, and there is no second lock to deadlock with. Between two steps whole
 * batches may land; the skip list's weakly consistent iterators carry on over them without
 * failing, which is why the maps are concurrent although every access is locked. A scan is
 * therefore cheap (no copy) but not a snapshot: {@link Capability#SNAPSHOT_CURSORS} is not
 * declared.
 */
public final class MemoryBackend implements StorageBackend {
    private final BackendGuard guard = new BackendGuard("the memory backend");
    private final Map<String, MemoryKeyspace> keyspaces = new HashMap<>();

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public void createKeyspace(String keyspace) {
        KeyspaceNames.require(keyspace);
        guard.write(() -> keyspaces.computeIfAbsent(keyspace, name -> new MemoryKeyspace()));
    }

    @Override
    public void dropKeyspace(String keyspace) {
        guard.write(() -> keyspaces.remove(keyspace));
    }

    @Override
    public Set<String> keyspaces() {
        return read(() -> Set.copyOf(keyspaces.keySet()));
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return read(() -> {
            byte[] value = existing(keyspace).get(key);
            return value == null ? null : value.clone();
        });
    }

    /** Reads every key under one acquisition of the read lock. */
    @Override
    public List<byte[]> getAll(String keyspace, List<byte[]> keys) {
        return read(() -> {
            MemoryKeyspace entries = existing(keyspace);
            List<byte[]> values = new ArrayList<>(keys.size());
            for (byte[] key : keys) {
                byte[] value = entries.get(key);
                values.add(value == null ? null : value.clone());
            }
            return values;
        });
    }

    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
        return read(() -> new MemoryCursor(this, existing(keyspace).view(range, reverse).entrySet().iterator()));
    }

    @Override
    public void apply(WriteBatch batch) {
        guard.write(() -> {
            List<MemoryKeyspace> targets = BackendGuard.targets(batch, keyspaces::get);
            List<WriteBatch.Operation> operations = batch.operations();
            for (int i = 0; i < operations.size(); i++) {
                WriteBatch.Operation operation = operations.get(i);
                MemoryKeyspace keyspace = targets.get(i);
                if (operation instanceof WriteBatch.Put put) {
                    keyspace.put(put.key(), put.value());
                } else {
                    keyspace.delete(operation.key());
                }
            }
        });
    }

    @Override
    public BackendStats stats() {
        return read(() -> {
            Map<String, KeyspaceStats> stats = new HashMap<>();
            keyspaces.forEach((name, keyspace) -> stats.put(name, keyspace.stats()));
            return new BackendStats(stats);
        });
    }

    /** Nothing to reclaim: deleted entries leave no space behind. */
    @Override
    public void compact() {
        read(() -> null);
    }

    @Override
    public void close() {
        guard.close(keyspaces::clear);
    }

    /** Runs a read under the guard's shared lock, failing if the backend is closed. */
    <T> T read(Supplier<T> action) {
        return guard.read(action);
    }

    private MemoryKeyspace existing(String keyspace) {
        return BackendGuard.existing(keyspace, keyspaces::get);
    }
}
