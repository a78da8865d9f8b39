package io.offlinestore.backend.derby;

import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;

/**
 * A range scan read in pages. Each page is a fresh, short statement that starts just past the
 * last key of the page before, runs under the backend's read lock and then releases its
 * connection, so between pages the cursor holds no lock, result set or connection: an open or
 * abandoned cursor never blocks a writer. Pages start small, for scans that stop after a few
 * entries, and double up to {@value #LARGEST_PAGE} entries.
 *
 * <p>Not a snapshot: batches applied between two pages show in the later pages. Every page is
 * read from committed data only, in key order, so the scan stays ordered and never shows part of
 * a batch within a page.
 */
final class DerbyCursor implements KeyValueCursor {
    static final int FIRST_PAGE = 16;
    static final int LARGEST_PAGE = 512;

    private final DerbyBackend backend;
    private final int keyspace;
    private final boolean reverse;
    private final Queue<KeyValue> buffered = new ArrayDeque<>();
    private byte[] lower;
    private boolean lowerInclusive;
    private byte[] upper;
    private boolean upperInclusive;
    private int pageSize = FIRST_PAGE;
    private boolean exhausted;
    private boolean closed;

    DerbyCursor(DerbyBackend backend, int keyspace, KeyRange range, boolean reverse) {
        this.backend = backend;
        this.keyspace = keyspace;
        this.reverse = reverse;
        byte[] start = range.start();
        byte[] end = range.end();
        this.lower = start == null ? null : KeyEncoding.encodeBound(start);
        this.lowerInclusive = range.startInclusive();
        this.upper = end == null ? null : KeyEncoding.encodeBound(end);
        this.upperInclusive = range.endInclusive();
        this.exhausted = range.isEmpty();
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (buffered.isEmpty() && !exhausted) {
            readPage();
        }
        return !buffered.isEmpty();
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "cursor is closed" : "no more entries in the range");
        }
        return buffered.remove();
    }

    @Override
    public void close() {
        closed = true;
        buffered.clear();
    }

    private void readPage() {
        List<KeyValue> page = backend.read(new ScanPage(keyspace, lower, lowerInclusive, upper, upperInclusive,
                reverse, pageSize));
        buffered.addAll(page);
        if (page.size() < pageSize) {
            exhausted = true;
            return;
        }
        byte[] last = KeyEncoding.encode(page.get(page.size() - 1).key());
        if (reverse) {
            upper = last;
            upperInclusive = false;
        } else {
            lower = last;
            lowerInclusive = false;
        }
        pageSize = Math.min(LARGEST_PAGE, pageSize * 2);
    }
}
