package io.offlinestore.engine.tx;

import io.offlinestore.Change;
import io.offlinestore.StorageException;
import io.offlinestore.engine.cache.DocumentCache;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit: the commits validated while the backend is busy writing an earlier group are
 * gathered into the next group and written with one {@link StorageBackend#apply}, so one sync
 * serves many writers. There is no timer: a caller waiting for its commit becomes the leader
 * when the backend is free and writes whatever the open group holds by then (for a lone writer,
 * just its own commit), while the others wait on the leader. A group closes at a bound on
 * operations and bytes. Groups are written in order, so after a crash the backend holds a
 * prefix of the commits, each whole.
 *
 * <p>A group the backend fails to write fails every commit in it, and the pipeline then stops:
 * later commits were validated against the failed group's writes, so they and every commit after
 * them fail with a {@link StorageException} naming the first failure, until the store is opened
 * again.
 *
 * <p>Once the backend has applied a group, and before any of its commits returns, the
 * {@link DocumentCache} forgets every document the group wrote: every mutation of stored documents
 * (writes, transactions, migrations, re-encryption, eviction, clear) passes here, so none can leave
 * a stale cached copy behind. A group that fails to apply changed nothing, so the cache stays.
 *
 * <p>{@link #add} runs under the store's write lock, after validation; {@link #awaitDurable}
 * outside it. {@link #reads} is the backend as the commit path sees it, pending groups included.
 */
public final class CommitPipeline {
    /** The most operations one group takes before it closes. */
    public static final int MAX_GROUP_OPERATIONS = 20_000;
    /** The most key and value bytes one group takes before it closes. */
    public static final long MAX_GROUP_BYTES = 8L << 20;

    private final StorageBackend backend;
    private final Consumer<List<Change>> published;
    private final DocumentCache cache;
    private final Object monitor = new Object();
    private boolean leading;
    private final Object swap = new Object();
    private final PendingReads reads;
    private volatile PendingGroup open = new PendingGroup();
    private volatile PendingGroup writing;
    private volatile Throwable broken;

    /**
     * @param backend   the backend the groups are written to
     * @param published receives each commit's changes once its group is durable, in commit order
     * @param cache     told of each group's writes once the backend has applied them
     */
    public CommitPipeline(StorageBackend backend, Consumer<List<Change>> published, DocumentCache cache) {
        this.backend = backend;
        this.published = published;
        this.cache = cache;
        this.reads = new PendingReads(backend, this);
    }

    /** The backend with the writes of the groups not yet written laid over it. */
    public StorageBackend reads() {
        return reads;
    }

    /**
     * Adds a validated commit's batch to the open group (first writing the open group if it is
     * full). Call under the store's write lock, in commit order.
     *
     * @return the commit's group, to {@link #awaitDurable}
     */
    public PendingGroup add(WriteBatch batch, List<Change> changes) {
        requireWorking();
        if (open.isFull(MAX_GROUP_OPERATIONS, MAX_GROUP_BYTES)) {
            drain();
        }
        synchronized (swap) {
            PendingGroup group = open;
            group.add(batch, changes);
            return group;
        }
    }

    /**
     * Returns once the commit's group is on the backend, writing it (and the commits gathered
     * with it) when no other caller is. Waits through interrupts, since the commit is already on
     * its way, and keeps the thread's interrupt status.
     *
     * @throws StorageException when the group could not be written
     */
    public void awaitDurable(PendingGroup group) {
        if (lead(group)) {
            try {
                while (!group.isFinished()) {
                    writeOpenGroup();
                }
            } finally {
                resign();
            }
        }
        group.rethrowFailure();
    }

    /**
     * The newest group not yet written, or null: what a commit that writes nothing may have read
     * from, so it can wait for that group before its caller reads the backend directly.
     */
    public PendingGroup newestPending() {
        synchronized (swap) {
            return open.isEmpty() ? writing : open;
        }
    }

    /** Writes every pending commit; on return the backend holds them all (or the write failed). */
    public void drain() {
        lead(null);
        try {
            writeOpenGroup();
        } finally {
            resign();
        }
    }

    /**
     * Waits until the group is written or no one is leading; in the second case the caller
     * becomes the leader. Returns whether it did.
     */
    private boolean lead(PendingGroup group) {
        boolean interrupted = false;
        try {
            synchronized (monitor) {
                while ((group == null || !group.isFinished()) && leading) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (group != null && group.isFinished()) {
                    return false;
                }
                leading = true;
                return true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void resign() {
        synchronized (monitor) {
            leading = false;
            monitor.notifyAll();
        }
    }

    private void requireWorking() {
        Throwable failure = broken;
        if (failure != null) {
            throw new StorageException("no commit is accepted after a failed write; open the store again: " + failure,
                    failure);
        }
    }

    /** The groups whose writes are not on the backend yet, newest first. */
    PendingGroup[] pending() {
        PendingGroup newest = open;
        PendingGroup older = writing;
        return older == null ? new PendingGroup[] {newest} : new PendingGroup[] {newest, older};
    }

    private void writeOpenGroup() {
        PendingGroup group;
        synchronized (swap) {
            group = open;
            if (group.isEmpty()) {
                return;
            }
            writing = group;
            open = new PendingGroup();
        }
        Throwable failure = broken;
        if (failure == null) {
            try {
                backend.apply(group.batch());
                cache.invalidate(group.batch());
            } catch (RuntimeException | Error e) {
                failure = e;
                broken = e;
            }
        }
        writing = null;
        group.finish(failure);
        if (failure == null) {
            group.changes().forEach(published);
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
