package io.offlinestore.backend.h2;

import io.offlinestore.StorageException;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVStoreException;

/**
 * A scan over one keyspace as of a {@link Snapshot}, which the cursor holds until it is read to its
 * end or closed: writes made meanwhile are not seen and never wait for it. MVStore's cursor takes
 * inclusive bounds; exclusive ones are applied here, as they can only exclude the bound key itself.
 */
final class H2Cursor implements KeyValueCursor {
    private final Snapshot snapshot;
    private final String keyspace;
    private final KeyRange range;
    private final Cursor<byte[], byte[]> cursor;
    private final Set<H2Cursor> open;
    private final AtomicBoolean released = new AtomicBoolean();
    private KeyValue next;
    private boolean done;

    /**
     * A cursor over {@code view}, which must belong to {@code snapshot}, held for this cursor; it is
     * in {@code open} until it ends, so that closing the backend can end it.
     */
    H2Cursor(Snapshot snapshot, Snapshot.View view, KeyRange range, boolean reverse, Set<H2Cursor> open) {
        this.snapshot = snapshot;
        this.open = open;
        this.keyspace = view.keyspace().name();
        this.range = range;
        byte[] start = range.start();
        byte[] end = range.end();
        this.cursor = new Cursor<>(view.root(), reverse ? end : start, reverse ? start : end, reverse);
        open.add(this);
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            while (cursor.hasNext()) {
                byte[] key = cursor.next();
                if (range.contains(key)) {
                    // copies: the arrays in MVStore's pages are shared with every reader
                    next = new KeyValue(key.clone(), cursor.getValue().clone());
                    return true;
                }
            }
        } catch (MVStoreException | IllegalStateException e) {
            close();
            throw new StorageException("cannot read keyspace '" + keyspace + "': " + e.getMessage(), e);
        }
        close();
        return false;
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more entries in " + range);
        }
        KeyValue entry = next;
        next = null;
        return entry;
    }

    /**
     * Releases the snapshot; further calls find no more entries. Also called by the backend, from
     * another thread, when it closes: the release happens once.
     */
    @Override
    public void close() {
        done = true;
        next = null;
        if (released.compareAndSet(false, true)) {
            open.remove(this);
            snapshot.release();
        }
    }
}
