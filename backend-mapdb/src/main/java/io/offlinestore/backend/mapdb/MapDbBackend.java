package io.offlinestore.backend.mapdb;

import io.offlinestore.Durability;
import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendGuard;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.BackendStats.KeyspaceStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.DirectoryLock;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.KeyspaceNames;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link StorageBackend} on MapDB 3.1.0: one store file per store directory, each keyspace a
 * {@code BTreeMap} of byte arrays with its values stored outside the tree nodes, every change a
 * MapDB transaction made atomic and durable on disk by a redo {@link Journal}.
 *
 * <h2>Atomicity and durability</h2>
 * {@link #apply} checks the whole batch (the backend is open, every keyspace name is valid and
 * exists), then writes it into MapDB's transaction and commits. A failure before the commit rolls
 * the transaction back, so nothing of the batch stays. The commit appends the batch's changes to
 * the journal as one record; with {@link Durability#SYNC} the journal is forced to disk before
 * {@code apply} returns, so the batch survives a killed process or a power cut, and a crash during
 * {@code apply} leaves none of it. With {@link Durability#RELAXED} nothing waits for the disk: the
 * record still survives a killed process (the operating system holds it), but an operating-system
 * crash or power cut loses the commits of up to about a second (a background thread forces them)
 * or 16 MB of changed pages; never part of one. If a commit itself fails (an I/O error), the backend closes itself: reopening the store
 * brings it back to its last complete commit.
 *
 * <h2>Concurrency</h2>
 * One {@link BackendGuard} (a read-write lock and the closed state): writes (batches, keyspace
 * changes, compaction, close) take it exclusively, since MapDB shows a transaction's uncommitted writes to every reader; {@link #get},
 * {@link #keyspaces}, {@link #stats} and each page of a {@link MapDbCursor} take it shared. Cursors
 * hold nothing between pages, so they never block writers; they are not snapshots
 * ({@link Capability#SNAPSHOT_CURSORS} is not declared).
 *
 * <h2>Counts</h2>
 * Each keyspace's entry count and bytes of keys and values are kept in the registry and updated
 * in the same transaction as the writes, so {@link #stats()} costs nothing; a put or delete reads
 * the value it replaces to keep the byte count exact.
 */
public final class MapDbBackend implements StorageBackend {
    /** How often a store with relaxed durability forces the commits it holds back. */
    static final Duration RELAXED_FLUSH_INTERVAL = Duration.ofSeconds(1);

    private static final Set<Capability> CAPABILITIES =
            Set.of(Capability.PERSISTENT, Capability.DURABLE, Capability.EXCLUSIVE_PROCESS_LOCK);
    private static final Runnable NOTHING_MORE = () -> { };

    private final StoreFiles files;
    private final DirectoryLock directoryLock;
    private final boolean durable;
    private final boolean mmap;
    private final ScheduledExecutorService flusher;
    private MapDbStore store;
    private final BackendGuard guard = new BackendGuard("the mapdb backend");

    private MapDbBackend(StoreFiles files, DirectoryLock directoryLock, boolean durable, boolean mmap, MapDbStore store) {
        this.files = files;
        this.directoryLock = directoryLock;
        this.durable = durable;
        this.mmap = mmap;
        this.store = store;
        this.flusher = durable ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "offline-store-mapdb-flush");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the store {@code databaseName} in {@code directory}, creating it if needed, after
     * taking the directory's lock and recovering from any crash.
     *
     * @throws io.offlinestore.StoreLockedException if the store is open elsewhere
     * @throws StorageException if the store cannot be opened
     */
    static MapDbBackend open(Path directory, String databaseName, Durability durability, MapDbSettings settings) {
        StoreFiles files = new StoreFiles(directory, databaseName);
        DirectoryLock directoryLock = DirectoryLock.acquire(directory);
        try {
            boolean durable = durability == Durability.SYNC;
            MapDbBackend backend = new MapDbBackend(files, directoryLock, durable, settings.mmap(),
                    openStore(files, durable, settings.mmap()));
            backend.scheduleFlushes();
            return backend;
        } catch (RuntimeException e) {
            directoryLock.close();
            throw e;
        }
    }

    private static MapDbStore openStore(StoreFiles files, boolean durable, boolean mmap) {
        try {
            files.removeLeftovers();
            if (!Files.exists(files.store())) {
                Files.deleteIfExists(StoreFiles.journalOf(files.store())); // a journal without its store is of no use
                MapDbStore.create(files.fresh(), true, mmap).close();
                files.install();
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the MapDB store " + files.store() + ": " + e.getMessage(), e);
        }
        return MapDbStore.open(files.store(), durable, mmap);
    }

    /** With relaxed durability, forces held commits to disk every {@link #RELAXED_FLUSH_INTERVAL}. */
    private void scheduleFlushes() {
        if (flusher != null) {
            long millis = RELAXED_FLUSH_INTERVAL.toMillis();
            flusher.scheduleWithFixedDelay(this::flushHeldCommits, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void flushHeldCommits() {
        guard.writeIfOpen(() -> {
            try {
                store.flush();
            } catch (RuntimeException e) {
                fail("force relaxed commits to disk", e);
            }
        });
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void createKeyspace(String keyspace) {
        KeyspaceNames.require(keyspace);
        write(() -> {
            KeyspaceCatalog catalog = store.catalog();
            if (catalog.get(keyspace) == null) {
                transaction("create keyspace '" + keyspace + "'", () -> {
                    catalog.create(keyspace);
                    return NOTHING_MORE;
                });
            }
        });
    }

    @Override
    public void dropKeyspace(String keyspace) {
        write(() -> {
            KeyspaceCatalog catalog = store.catalog();
            Keyspace dropped = catalog.get(keyspace);
            if (dropped != null) {
                transaction("drop keyspace '" + keyspace + "'", () -> {
                    catalog.drop(dropped);
                    return NOTHING_MORE;
                });
            }
        });
    }

    @Override
    public Set<String> keyspaces() {
        return read(() -> store.catalog().names());
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        Objects.requireNonNull(key, "key");
        return read(() -> existing(keyspace).get(key));
    }

    /** Reads every key under one acquisition of the read lock. */
    @Override
    public List<byte[]> getAll(String keyspace, List<byte[]> keys) {
        return read(() -> {
            Keyspace map = existing(keyspace);
            List<byte[]> values = new ArrayList<>(keys.size());
            for (byte[] key : keys) {
                values.add(map.get(Objects.requireNonNull(key, "key")));
            }
            return values;
        });
    }

    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
        return scan(keyspace, range, reverse, MapDbCursor.FIRST_PAGE);
    }

    /** A scan whose first page holds {@code expected} entries (within the page bounds). */
    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse, int expected) {
        Objects.requireNonNull(range, "range");
        return read(() -> new MapDbCursor(this, existing(keyspace), range, reverse, expected));
    }

    @Override
    public void apply(WriteBatch batch) {
        write(() -> {
            List<WriteBatch.Operation> operations = batch.operations();
            List<Keyspace> targets = BackendGuard.targets(batch, store.catalog()::get);
            if (!operations.isEmpty()) {
                transaction("apply " + batch, () -> writeOperations(operations, targets));
            }
        });
    }

    /** Writes the operations into the transaction; returns what to do once it commits. */
    private Runnable writeOperations(List<WriteBatch.Operation> operations, List<Keyspace> targets) {
        Map<Keyspace, Tally> tallies = new IdentityHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            WriteBatch.Operation operation = operations.get(i);
            Keyspace keyspace = targets.get(i);
            Tally tally = tallies.computeIfAbsent(keyspace, Tally::new);
            if (operation instanceof WriteBatch.Put put) {
                tally.put(put.key(), put.value(), keyspace.entries().put(put.key(), put.value()));
            } else {
                tally.delete(operation.key(), keyspace.entries().remove(operation.key()));
            }
        }
        tallies.forEach((keyspace, tally) -> store.catalog().record(keyspace, tally.stats()));
        return () -> tallies.forEach((keyspace, tally) -> keyspace.stats(tally.stats()));
    }

    /** Counts kept up to date by every commit: no scan. */
    @Override
    public BackendStats stats() {
        return read(() -> {
            Map<String, KeyspaceStats> stats = new HashMap<>();
            store.catalog().all().forEach(keyspace -> stats.put(keyspace.name(), keyspace.stats()));
            return new BackendStats(stats);
        });
    }

    /**
     * Rewrites the store into a new file holding only live entries, which then replaces the old
     * one: time and temporary disk space in proportion to the live data. Writers wait meanwhile,
     * and so do readers; open cursors carry on in the new file.
     */
    @Override
    public void compact() {
        write(() -> {
            try {
                store.flush();
            } catch (RuntimeException e) {
                throw fail("force the store to disk before compacting", e);
            }
            try {
                files.removeLeftovers();
                Compaction.copy(store, files.fresh(), mmap);
            } catch (IOException | RuntimeException e) {
                StorageException error = new StorageException("cannot compact " + files.store() + ": " + e.getMessage(), e);
                try {
                    files.removeLeftovers();
                } catch (IOException suppressed) {
                    error.addSuppressed(suppressed);
                }
                throw error;
            }
            replaceStore();
        });
    }

    private void replaceStore() {
        KeyspaceCatalog previous = store.catalog();
        try {
            store.close();
            files.install();
            store = MapDbStore.open(files.store(), durable, mmap);
        } catch (IOException e) {
            throw fail("install the compacted store", new StorageException(e.getMessage(), e));
        } catch (RuntimeException e) {
            throw fail("install the compacted store", e);
        }
        store.catalog().adopt(previous);
    }

    /** Closes the store (its last commits are forced to disk) and then releases the directory. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
        }
        guard.close(() -> {
            try {
                store.close();
            } catch (RuntimeException e) {
                throw new StorageException("cannot close the MapDB store " + files.store() + ": " + e.getMessage(), e);
            } finally {
                directoryLock.close();
            }
        });
    }

    /** Runs a read under the shared lock, failing if the backend is closed. */
    <T> T read(Supplier<T> action) {
        return guard.read(() -> {
            try {
                return action.get();
            } catch (StorageException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StorageException("cannot read the MapDB store " + files.store() + ": " + e.getMessage(), e);
            }
        });
    }

    private void write(Runnable action) {
        guard.write(action);
    }

    /**
     * Runs {@code changes} in a MapDB transaction and commits it, or rolls it back if they fail.
     * {@code changes} returns what to do once the commit is done. Called under the write lock.
     */
    private void transaction(String action, Supplier<Runnable> changes) {
        Runnable onCommit;
        try {
            onCommit = changes.get();
        } catch (RuntimeException | Error e) {
            try {
                store.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
                throw fail(action, rollbackFailure);
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw e instanceof StorageException storage ? storage
                    : new StorageException("cannot " + action + ": " + e.getMessage(), e);
        }
        try {
            store.commit();
        } catch (RuntimeException e) {
            throw fail(action, e);
        }
        onCommit.run();
    }

    /**
     * A commit (or a rollback, or forcing held commits) failed part-way: what MapDB holds in memory
     * can no longer be trusted, so the backend closes itself and releases the directory. The
     * journal on disk is intact; reopening the store recovers it to its last complete commit.
     */
    private StorageException fail(String action, RuntimeException cause) {
        StorageException failure = new StorageException("cannot " + action + ": " + cause.getMessage()
                + "; the mapdb backend has closed itself, reopen the store to recover it", cause);
        guard.fail(failure);
        if (flusher != null) {
            flusher.shutdown();
        }
        try {
            store.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            directoryLock.close();
        }
        return failure;
    }

    private Keyspace existing(String keyspace) {
        return BackendGuard.existing(keyspace, store.catalog()::get);
    }
}
