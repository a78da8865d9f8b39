package io.offlinestore.backend.h2;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Durability;
import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.BackendStats.KeyspaceStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.DirectoryLock;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.KeyspaceNames;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RandomAccessStore;

/**
 * The h2 backend: one MVStore file, {@code <databaseName>.mv.db}, in the store directory, which is
 * locked with {@link DirectoryLock} while open.
 *
 * <p><b>Atomicity.</b> MVStore writes nothing until it commits a version, and a version is written as
 * one chunk whose footer and checksum make it whole or absent after a crash. The store is opened with
 * auto-commit off in both of MVStore's forms, the background delay and the buffer size (see
 * {@code MVStore.Builder.autoCommitDisabled}, which sets only the delay: a large batch would otherwise
 * be committed in parts as its unsaved pages pass the buffer), so each batch is exactly one version.
 * A batch that fails before its commit is rolled back ({@link MVStore#rollback()}).
 *
 * <p><b>Durability.</b> {@link MVStore#commit()} writes the chunk but does not force it
 * ({@code FileStore.storeIt} without a {@code force}); under {@link Durability#SYNC} each commit is
 * followed by {@link MVStore#sync()}, which forces the file. Under {@link Durability#RELAXED} the
 * commit is left to the operating system and {@link RelaxedSync} forces it within
 * {@link #RELAXED_SYNC_INTERVAL}.
 *
 * <p><b>Concurrency.</b> Writes (batches, keyspace changes, compaction, close) take one lock. Reads
 * wait for them: after each commit the writer publishes a {@link Snapshot} of every keyspace's root,
 * and gets, scans and stats read it, so a reader never sees part of a batch and a cursor is a
 * snapshot. Only {@link #compact()} makes readers wait.
 */
final class H2Backend implements StorageBackend {
    /** How often relaxed commits are forced to disk. */
    static final Duration RELAXED_SYNC_INTERVAL = Duration.ofSeconds(1);
    /** The most time one {@link #compact()} spends moving chunks. */
    private static final int COMPACTION_TIME_MS = 60_000;
    /** The layout of the maps in the file, kept as MVStore's store version. */
    static final int FORMAT_VERSION = 1;
    private static final String FILE_SUFFIX = ".mv.db";
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,199}");
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.PERSISTENT, Capability.DURABLE,
            Capability.SNAPSHOT_CURSORS, Capability.EXCLUSIVE_PROCESS_LOCK);

    private final Path file;
    private final DirectoryLock lock;
    private final MVStore store;
    private final KeyspaceRegistry registry;
    private final Durability durability;
    private final RelaxedSync relaxedSync;
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Taken shared to pick up the published snapshot, and exclusively while compaction replaces it. */
    private final ReadWriteLock readers = new ReentrantReadWriteLock();
    private volatile Snapshot snapshot;
    /** Cursors not yet read to their end or closed: closing the backend releases their snapshots. */
    private final Set<H2Cursor> openCursors = ConcurrentHashMap.newKeySet();
    private volatile StorageException closedBecause;

    private H2Backend(Path file, DirectoryLock lock, MVStore store, Durability durability) {
        this.file = file;
        this.lock = lock;
        this.store = store;
        this.durability = durability;
        if (store.getStoreVersion() > FORMAT_VERSION) {
            throw new StorageException("the store " + file + " has format version " + store.getStoreVersion()
                    + ", newer than this backend's " + FORMAT_VERSION + "; open it with a newer Offline Store");
        }
        this.registry = KeyspaceRegistry.open(store);
        if (store.getStoreVersion() < FORMAT_VERSION) {
            store.setStoreVersion(FORMAT_VERSION);
        }
        commit();
        this.snapshot = Snapshot.take(store, registry.all());
        this.relaxedSync = durability == Durability.RELAXED ? new RelaxedSync(store, RELAXED_SYNC_INTERVAL) : null;
    }

    /**
     * Opens, creating if needed, the store {@code databaseName} in {@code directory}.
     *
     * @throws ConfigurationException if the database name cannot name a file
     * @throws io.offlinestore.StoreLockedException if the directory is locked
     * @throws StorageException if the file cannot be opened or is not a store of ours
     */
    static H2Backend open(Path directory, String databaseName, Durability durability, H2Settings settings) {
        if (!FILE_NAME.matcher(databaseName).matches()) {
            throw new ConfigurationException("database name '" + databaseName + "' cannot name the h2 backend's file: "
                    + "use letters, digits, '_', '-' and '.', not first");
        }
        Path file = directory.resolve(databaseName + FILE_SUFFIX);
        DirectoryLock lock = DirectoryLock.acquire(directory);
        MVStore store = null;
        try {
            store = builder(file, settings).open();
            // No old version is ever read but through a registered snapshot, so none is kept for its
            // own sake (MVStore keeps 5 by default, which holds chunks back from reuse and compaction;
            // H2's database sets 0 too).
            store.setVersionsToKeep(0);
            return new H2Backend(file, lock, store, durability);
        } catch (RuntimeException e) {
            if (store != null) {
                store.closeImmediately();
            }
            lock.close();
            throw e instanceof StorageException storage ? storage
                    : new StorageException("cannot open the H2 store " + file + ": " + e.getMessage(), e);
        }
    }

    private static MVStore.Builder builder(Path file, H2Settings settings) {
        MVStore.Builder builder = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .cacheSize(settings.cacheSizeMb());
        return switch (settings.compression()) {
            case NONE -> builder;
            case FAST -> builder.compress();
            case HIGH -> builder.compressHigh();
        };
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void createKeyspace(String keyspace) {
        KeyspaceNames.require(keyspace);
        write("create keyspace '" + keyspace + "'", () -> {
            if (registry.get(keyspace) == null) {
                Keyspace created = registry.create(keyspace);
                commit();
                publish(List.of(created), List.of());
            }
        });
    }

    @Override
    public void dropKeyspace(String keyspace) {
        write("drop keyspace '" + keyspace + "'", () -> {
            Keyspace dropped = registry.get(keyspace);
            if (dropped != null) {
                registry.drop(dropped);
                commit();
                publish(List.of(), List.of(keyspace));
            }
        });
    }

    @Override
    public Set<String> keyspaces() {
        return read(current -> Set.copyOf(current.views().keySet()));
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return read(current -> {
            Snapshot.View view = require(current, keyspace);
            byte[] value = view.keyspace().map().get(view.root().root, key);
            return value == null ? null : value.clone();
        });
    }

    /** Reads every key from one snapshot of the keyspace. */
    @Override
    public List<byte[]> getAll(String keyspace, List<byte[]> keys) {
        return read(current -> {
            Snapshot.View view = require(current, keyspace);
            List<byte[]> values = new ArrayList<>(keys.size());
            for (byte[] key : keys) {
                byte[] value = view.keyspace().map().get(view.root().root, key);
                values.add(value == null ? null : value.clone());
            }
            return values;
        });
    }

    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
        Snapshot current = acquire();
        try {
            return new H2Cursor(current, require(current, keyspace), range, reverse, openCursors);
        } catch (RuntimeException e) {
            current.release();
            throw e;
        }
    }

    @Override
    public void apply(WriteBatch batch) {
        if (batch.isEmpty()) {
            ensureOpen();
            return;
        }
        write("apply " + batch, () -> {
            Map<String, Keyspace> targets = targets(batch);
            Map<Keyspace, Long> bytes = new HashMap<>();
            try {
                for (WriteBatch.Operation operation : batch.operations()) {
                    Keyspace keyspace = targets.get(operation.keyspace());
                    long delta;
                    if (operation instanceof WriteBatch.Put put) {
                        // copies: MVStore keeps the arrays it is given in its pages
                        byte[] previous = keyspace.map().put(put.key().clone(), put.value().clone());
                        delta = put.key().length + put.value().length - size(put.key(), previous);
                    } else {
                        delta = -size(operation.key(), keyspace.map().remove(operation.key()));
                    }
                    bytes.merge(keyspace, delta, Long::sum);
                }
                bytes.replaceAll((keyspace, delta) -> keyspace.bytes() + delta);
                bytes.forEach(registry::record);
                commit();
            } catch (RuntimeException e) {
                rollback(e);
                throw e;
            }
            bytes.forEach(Keyspace::bytes);
            publish(bytes.keySet(), List.of());
        });
    }

    private static long size(byte[] key, byte[] value) {
        return value == null ? 0 : key.length + value.length;
    }

    /** The keyspaces a batch writes, each checked to exist before anything is written. */
    private Map<String, Keyspace> targets(WriteBatch batch) {
        Map<String, Keyspace> targets = new HashMap<>();
        for (WriteBatch.Operation operation : batch.operations()) {
            String name = operation.keyspace();
            if (!targets.containsKey(name)) {
                Keyspace keyspace = registry.get(KeyspaceNames.require(name));
                if (keyspace == null) {
                    throw new StorageException("keyspace '" + name + "' does not exist; the batch was not applied");
                }
                targets.put(name, keyspace);
            }
        }
        return targets;
    }

    @Override
    public BackendStats stats() {
        return read(current -> {
            Map<String, KeyspaceStats> stats = new HashMap<>();
            current.views().forEach((name, view) -> stats.put(name, new KeyspaceStats(view.entries(), view.bytes())));
            return new BackendStats(stats);
        });
    }

    /**
     * Rewrites the chunks whose live share is under MVStore's fill rate ({@link MVStore#compactFile})
     * and moves every chunk into the gaps left, shrinking the file. Readers wait meanwhile: the published
     * snapshot is released first, as the version it registered would keep every chunk it reads from
     * being freed (an open cursor's chunks are freed by the first compaction after it ends).
     * {@code compactFile} sets the retention time to 0 and leaves it there; it is put back
     * afterwards, so that chunks of recent versions are again kept for that time.
     */
    @Override
    public void compact() {
        write("compact " + file, () -> {
            readers.writeLock().lock();
            try {
                snapshot.release();
                int retention = store.getRetentionTime();
                try {
                    // A chunk left without live pages is freed only once a later version exists, and
                    // compactFile moves chunks only after it rewrote some: so a version, the rewrite
                    // of sparse chunks, a version, then the move of every chunk into the gaps.
                    newVersion();
                    store.compactFile(COMPACTION_TIME_MS);
                    newVersion();
                    if (store.getFileStore() instanceof RandomAccessStore randomAccess) {
                        randomAccess.compactMoveChunks(100, Long.MAX_VALUE, store);
                    }
                } finally {
                    store.setRetentionTime(retention);
                    snapshot = Snapshot.take(store, registry.all());
                }
                store.sync();
            } finally {
                readers.writeLock().unlock();
            }
        });
    }

    /** The retention time of the open store, for tests of {@link #compact()}. */
    int retentionTime() {
        return store.getRetentionTime();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closedBecause != null) {
                return;
            }
            closedBecause = new StorageException("the h2 backend is closed");
            if (relaxedSync != null) {
                relaxedSync.close();
            }
            openCursors.forEach(H2Cursor::close);
            snapshot.release();
            try {
                store.close();
            } catch (MVStoreException | IllegalStateException e) {
                throw new StorageException("cannot close the H2 store " + file + ": " + e.getMessage(), e);
            } finally {
                lock.close();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Commits the version under way, forcing it to disk under sync durability. */
    private void commit() {
        store.commit();
        if (durability == Durability.SYNC) {
            store.sync();
        } else if (relaxedSync != null) {
            relaxedSync.committed();
        }
    }

    /** Commits a version that changes nothing but the store's format version, which it rewrites. */
    private void newVersion() {
        store.setStoreVersion(FORMAT_VERSION);
        store.commit();
    }

    /** Publishes the roots the last commit left, for readers. */
    private void publish(Iterable<Keyspace> changed, Iterable<String> dropped) {
        Snapshot previous = snapshot;
        snapshot = previous.with(changed, dropped);
        previous.release();
    }

    /**
     * Undoes the uncommitted writes of a failed batch. If MVStore itself failed (it closes itself
     * on a write error, a "panic"), the backend closes too and releases the directory: reopening the
     * store recovers its last complete commit.
     */
    private void rollback(RuntimeException cause) {
        if (store.getPanicException() == null && !store.isClosed()) {
            store.rollback();
            return;
        }
        closedBecause = new StorageException("the h2 backend closed itself after a failed write (" + cause.getMessage()
                + "); reopen the store to recover its last commit", cause);
        if (relaxedSync != null) {
            relaxedSync.close();
        }
        store.closeImmediately();
        lock.close();
    }

    private void write(String action, Runnable work) {
        writeLock.lock();
        try {
            ensureOpen();
            work.run();
        } catch (MVStoreException | IllegalStateException e) {
            throw new StorageException("cannot " + action + " in " + file + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T read(Function<Snapshot, T> work) {
        Snapshot current = acquire();
        try {
            return work.apply(current);
        } catch (MVStoreException | IllegalStateException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        } finally {
            current.release();
        }
    }

    /** Holds the latest snapshot; retries if the writer released it between the read and the hold. */
    private Snapshot acquire() {
        readers.readLock().lock();
        try {
            while (true) {
                ensureOpen();
                Snapshot current = snapshot;
                if (current.tryAcquire()) {
                    return current;
                }
            }
        } finally {
            readers.readLock().unlock();
        }
    }

    private void ensureOpen() {
        StorageException closed = closedBecause;
        if (closed != null) {
            throw new StorageException(closed.getMessage(), closed.getCause());
        }
    }

    private static Snapshot.View require(Snapshot current, String keyspace) {
        Snapshot.View view = current.view(keyspace);
        if (view == null) {
            throw new StorageException("keyspace '" + keyspace + "' does not exist");
        }
        return view;
    }
}
