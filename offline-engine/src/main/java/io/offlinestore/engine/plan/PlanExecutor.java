package io.offlinestore.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.StorageException;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan's scans against the backend and yields the stored records they reach, in scan
 * order, one range after another, sharing one backend cursor across nearby ranges. Index entries whose
 * document has gone meanwhile are skipped, and so are records that cannot be decoded (logged); on a
 * multikey index each document is yielded once.
 */
public final class PlanExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PlanExecutor.class);
    /** Entries skipped between ranges before the cursor is reopened at the next range. */
    static final int MAX_SKIPPED = 32;
    /** The most documents one multi-get of an index scan reads. */
    static final int MAX_FETCH = 256;
    /** The first multi-get's size when the caller does not say how many documents it expects to read. */
    static final int DEFAULT_FIRST_FETCH = 16;

    private final StorageBackend backend;
    private final RecordFormat format;
    private final DocumentFetcher fetcher;

    public PlanExecutor(StorageBackend backend, RecordFormat format) {
        this.backend = backend;
        this.format = format;
        this.fetcher = new DocumentFetcher(backend);
    }

    /** The records the plan reaches in {@code documentsKeyspace} (not yet filtered by the residual). */
    public RecordCursor scan(QueryPlan plan, String documentsKeyspace) {
        return scan(plan, documentsKeyspace, DEFAULT_FIRST_FETCH);
    }

    /**
     * The records the plan reaches, when the caller expects to read about {@code expected} of
     * them (an index scan fetches its first documents in one multi-get of that size).
     */
    public RecordCursor scan(QueryPlan plan, String documentsKeyspace, int expected) {
        if (plan instanceof QueryPlan.FullScanPlan full) {
            return new RangeCursor(documentsKeyspace, List.of(new ScanRange(KeyRange.all(), "all")), full.reverse());
        }
        if (plan instanceof QueryPlan.PrimaryKeyScanPlan primary) {
            return new RangeCursor(documentsKeyspace, primary.ranges(), primary.reverse());
        }
        QueryPlan.IndexScanPlan index = (QueryPlan.IndexScanPlan) plan;
        return new IndexCursor(documentsKeyspace, index, expected);
    }

    /** Counts the index entries of a plan without fetching documents (valid when nothing is left to check). */
    public long countEntries(QueryPlan.IndexScanPlan plan) {
        long count = 0;
        for (ScanRange range : plan.ranges()) {
            try (KeyValueCursor cursor = backend.scan(plan.index().keyspace(), range.range(), false)) {
                while (cursor.hasNext()) {
                    cursor.next();
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Walks ranges of one keyspace in scan order with as few backend cursors as it can: one
     * cursor spans from the current range to the last, entries falling between ranges are
     * skipped, and only after {@link #MAX_SKIPPED} skipped entries in a row is the cursor
     * reopened at the next range.
     */
    private class RangeCursor implements RecordCursor {
        private final String keyspace;
        private final List<ScanRange> ranges;
        private final boolean reverse;
        private int current;
        private int skipped;
        private KeyValueCursor cursor;
        private StoredRecord next;

        RangeCursor(String keyspace, List<ScanRange> ranges, boolean reverse) {
            this.keyspace = keyspace;
            this.ranges = reverse ? reversed(ranges) : ranges;
            this.reverse = reverse;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                KeyValue entry = nextEntry();
                if (entry == null) {
                    return false;
                }
                next = readable(keyspace, entry);
            }
            return true;
        }

        /** The next entry inside one of the ranges, or null when they are exhausted. */
        KeyValue nextEntry() {
            while (current < ranges.size()) {
                if (cursor == null) {
                    cursor = backend.scan(keyspace, span(), reverse);
                    skipped = 0;
                }
                if (!cursor.hasNext()) {
                    close();
                    current = ranges.size();
                    return null;
                }
                KeyValue entry = cursor.next();
                while (current < ranges.size() && isPast(entry.key(), ranges.get(current).range())) {
                    current++;
                }
                if (current == ranges.size()) {
                    close();
                    return null;
                }
                if (ranges.get(current).range().contains(entry.key())) {
                    return entry;
                }
                if (++skipped > MAX_SKIPPED) {
                    close();
                }
            }
            return null;
        }

        /** From the current range to the last one, in scan direction. */
        private KeyRange span() {
            KeyRange from = ranges.get(current).range();
            KeyRange to = ranges.get(ranges.size() - 1).range();
            return reverse ? KeyRange.of(to.start(), to.startInclusive(), from.end(), from.endInclusive())
                    : KeyRange.of(from.start(), from.startInclusive(), to.end(), to.endInclusive());
        }

        private boolean isPast(byte[] key, KeyRange range) {
            return reverse ? range.isBelowStart(key) : range.isAboveEnd(key);
        }

        @Override
        public StoredRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StoredRecord record = next;
            next = null;
            return record;
        }

        @Override
        public void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }

    /**
     * Walks index ranges and fetches the documents of each page of entries with one multi-get:
     * the first page is as large as the caller expects to read, each next one twice the last,
     * up to {@link #MAX_FETCH}.
     */
    private final class IndexCursor extends RangeCursor {
        private final String documentsKeyspace;
        private final Set<ByteBuffer> seen;
        private List<byte[]> pageIds = List.of();
        private List<byte[]> pageDocuments = List.of();
        private int position;
        private StoredRecord pending;
        private int pageSize;
        private boolean exhausted;

        IndexCursor(String documentsKeyspace, QueryPlan.IndexScanPlan plan, int firstPage) {
            super(plan.index().keyspace(), plan.ranges(), plan.reverse());
            this.documentsKeyspace = documentsKeyspace;
            this.seen = plan.deduplicate() ? new HashSet<>() : null;
            this.pageSize = Math.max(1, Math.min(firstPage, MAX_FETCH));
        }

        @Override
        public boolean hasNext() {
            while (pending == null) {
                if (position == pageIds.size() && !fetchPage()) {
                    return false;
                }
                byte[] document = pageDocuments.get(position);
                if (document != null) {
                    pending = readable(documentsKeyspace, new KeyValue(pageIds.get(position), document));
                }
                position++;
            }
            return true;
        }

        @Override
        public StoredRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StoredRecord record = pending;
            pending = null;
            return record;
        }

        /** Reads the next page of index entries and their documents; false when the ranges are exhausted. */
        private boolean fetchPage() {
            List<byte[]> ids = new ArrayList<>(pageSize);
            while (!exhausted && ids.size() < pageSize) {
                KeyValue entry = nextEntry();
                if (entry == null) {
                    exhausted = true;
                    break;
                }
                List<JsonNode> tuple = KeyCodec.decodeTuple(entry.key());
                byte[] id = KeyCodec.encode(tuple.get(tuple.size() - 1));
                if (seen == null || seen.add(ByteBuffer.wrap(id))) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                return false;
            }
            pageSize = Math.min(pageSize * 2, MAX_FETCH);
            pageIds = ids;
            pageDocuments = fetcher.fetch(documentsKeyspace, ids);
            position = 0;
            return true;
        }
    }

    /**
     * The decoded record, or null when it cannot be read (damaged bytes): a scan goes on around
     * it, logs it, and {@code check()} reports it; reading it by id still fails and deleting it
     * works.
     */
    private StoredRecord readable(String keyspace, KeyValue entry) {
        try {
            return format.decode(entry.value());
        } catch (StorageException e) {
            LOG.warn("skipping unreadable record {} of keyspace '{}': {}", KeyCodec.decodeTuple(entry.key()), keyspace,
                    e.getMessage());
            return null;
        }
    }

    private static List<ScanRange> reversed(List<ScanRange> ranges) {
        List<ScanRange> copy = new ArrayList<>(ranges);
        Collections.reverse(copy);
        return copy;
    }
}
