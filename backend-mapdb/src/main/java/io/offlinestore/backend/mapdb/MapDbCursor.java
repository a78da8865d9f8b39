package io.offlinestore.backend.mapdb;

import io.offlinestore.StorageException;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A scan that reads its range in pages. Each page is read whole under the backend's read lock,
 * with a fresh MapDB iterator that starts just past the last key returned, so a page never mixes
 * entries from before and after a batch and never reads a value record a later batch has freed.
 * Between pages the cursor holds no lock and no MapDB iterator: it never blocks a writer, and
 * batches applied meanwhile show in the pages still to come (the cursor is not a snapshot).
 * Pages start at the number of entries the caller expects (by default {@value #FIRST_PAGE}, small
 * for scans cut short by a limit) and double up to {@value #MAX_PAGE} entries.
 */
final class MapDbCursor implements KeyValueCursor {
    static final int FIRST_PAGE = 16;
    private static final int MAX_PAGE = 1024;
    private static final long PAGE_BYTES = 4L << 20;

    private final MapDbBackend backend;
    private final Keyspace keyspace;
    private final KeyRange range;
    private final boolean reverse;
    private List<KeyValue> page = List.of();
    private int position;
    private int pageSize;
    private byte[] lastKey;
    private boolean exhausted;
    private boolean closed;

    MapDbCursor(MapDbBackend backend, Keyspace keyspace, KeyRange range, boolean reverse, int expected) {
        this.backend = backend;
        this.keyspace = keyspace;
        this.range = range;
        this.reverse = reverse;
        this.pageSize = Math.max(1, Math.min(MAX_PAGE, expected));
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (position == page.size() && !exhausted) {
            readPage();
        }
        return position < page.size();
    }

    private void readPage() {
        page = backend.read(() -> {
            if (keyspace.isDropped()) {
                throw new StorageException("keyspace '" + keyspace.name() + "' was dropped during the scan");
            }
            return keyspace.fetch(range, reverse, lastKey, pageSize, PAGE_BYTES);
        });
        position = 0;
        exhausted = page.isEmpty();
        if (!exhausted) {
            // a copy: the caller may change the arrays it is given
            lastKey = page.get(page.size() - 1).key().clone();
            pageSize = Math.min(MAX_PAGE, pageSize * 2);
        }
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "the cursor is closed" : "no more entries in " + range);
        }
        return page.get(position++);
    }

    /** Forgets the page read ahead; the cursor holds nothing else. */
    @Override
    public void close() {
        closed = true;
        page = List.of();
    }
}
