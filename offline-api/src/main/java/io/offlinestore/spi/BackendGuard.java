package io.offlinestore.spi;

import io.offlinestore.StorageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The guards every backend puts around its calls, written once: one read-write lock (reads
 * share it, writes and {@link #close} hold it alone), a closed state checked on every call, a
 * failure that closes the backend for good, and the whole-batch check that runs before anything
 * is written. A backend holds one and routes each call through it:
 *
 * <pre>{@code
 * private final BackendGuard guard = new BackendGuard("the example backend");
 *
 * public byte[] get(String keyspace, byte[] key) {
 *     return guard.read(() -> BackendGuard.existing(keyspace, keyspaces::get).get(key));
 * }
 *
 * public void apply(WriteBatch batch) {
 *     guard.write(() -> {
 *         List<Keyspace> targets = BackendGuard.targets(batch, keyspaces::get);
 *         ... write operation i into targets.get(i) ...
 *     });
 * }
 * }</pre>
 *
 * Every call on a closed backend throws a {@link StorageException} saying so; after
 * {@link #fail} it throws one carrying the failure.
 */
public final class BackendGuard {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final String description;
    private volatile boolean closed;
    private volatile StorageException failure;

    /** @param description the backend as messages name it, e.g. "the derby store in /data" */
    public BackendGuard(String description) {
        this.description = description;
    }

    /** Runs a read under the shared lock, failing if the backend is closed. */
    public <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), () -> {
            requireOpen();
            return action.get();
        });
    }

    /** Runs a write under the exclusive lock, failing if the backend is closed. */
    public void write(Runnable action) {
        locked(lock.writeLock(), () -> {
            requireOpen();
            action.run();
            return null;
        });
    }

    /**
     * Runs background work (a flush, say) under the exclusive lock if the backend is still
     * open; returns whether it ran. It never throws for a closed backend.
     */
    public boolean writeIfOpen(Runnable action) {
        return locked(lock.writeLock(), () -> {
            if (closed) {
                return false;
            }
            action.run();
            return true;
        });
    }

    /**
     * Marks the backend closed and runs {@code closing} under the exclusive lock, the first time
     * only: later calls return at once. The backend counts as closed even if {@code closing}
     * throws.
     */
    public void close(Runnable closing) {
        locked(lock.writeLock(), () -> {
            if (!closed) {
                closed = true;
                closing.run();
            }
            return null;
        });
    }

    /**
     * Closes the backend for good after a failure its state cannot be trusted past (a commit
     * that failed half-way): every later call throws a {@link StorageException} carrying it.
     */
    public void fail(StorageException cause) {
        failure = cause;
        closed = true;
    }

    private static <T> T locked(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }

    /** Fails if the backend is closed or failed; for code already holding the lock. */
    public void requireOpen() {
        StorageException failed = failure;
        if (failed != null) {
            throw new StorageException(failed.getMessage(), failed);
        }
        if (closed) {
            throw new StorageException(description + " is closed");
        }
    }

    /**
     * The keyspace {@code lookup} finds for a name.
     *
     * @throws StorageException naming the keyspace if {@code lookup} gives null
     */
    public static <K> K existing(String keyspace, Function<String, K> lookup) {
        K found = lookup.apply(keyspace);
        if (found == null) {
            throw new StorageException("keyspace '" + keyspace + "' does not exist");
        }
        return found;
    }

    /**
     * The keyspace of each operation of a batch, in operation order, after checking that every
     * keyspace the batch names is valid and exists: a batch that fails this check has written
     * nothing.
     *
     * @throws StorageException naming the first keyspace whose name is invalid or that does not exist
     */
    public static <K> List<K> targets(WriteBatch batch, Function<String, K> lookup) {
        Map<String, K> found = new HashMap<>();
        for (String keyspace : batch.keyspaces()) {
            found.put(keyspace, existing(KeyspaceNames.require(keyspace), lookup));
        }
        List<K> targets = new ArrayList<>(batch.size());
        batch.operations().forEach(operation -> targets.add(found.get(operation.keyspace())));
        return targets;
    }
}
