package io.offlinestore.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.StorageException;
import io.offlinestore.engine.cache.BackendRecords;
import io.offlinestore.engine.cache.DocumentCache;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.query.FieldPath;
import io.offlinestore.engine.query.SortOrder;
import io.offlinestore.engine.id.DocumentIds;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan's scans against the backend (fetching the documents index entries name through the
 * read cache) and yields the stored records they reach, in scan
 * order, one range after another, sharing one backend cursor across nearby ranges. Index entries whose
 * document has gone meanwhile are skipped, and so are records that cannot be decoded (logged); on a
 * multikey index each document is yielded once.
 */
public final class PlanExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PlanExecutor.class);
    /** Entries skipped between ranges before the cursor is reopened at the next range. */
    static final int MAX_SKIPPED = 32;
    /** The expected count when the caller cannot tell how many records it will read. */
    public static final int NO_HINT = 0;
    /** The most documents one multi-get of an index scan reads. */
    static final int MAX_FETCH = 256;
    /** The first multi-get's size when the caller does not say how many documents it expects to read. */
    static final int DEFAULT_FIRST_FETCH = 16;

    private final StorageBackend backend;
    private final RecordFormat format;
    private final DocumentCache cache;
    private final BackendRecords records;
    private final DocumentFetcher fetcher;

    /**
     * @param cache where index scans fetch the documents their entries name (uncached for reads
     *              that must see commits not yet applied)
     */
    public PlanExecutor(StorageBackend backend, RecordFormat format, DocumentCache cache) {
        this.backend = backend;
        this.format = format;
        this.cache = cache;
        this.records = new BackendRecords(backend, format);
        this.fetcher = new DocumentFetcher(backend);
    }

    /** The records the plan reaches in {@code documentsKeyspace} (not yet filtered by the residual). */
    public RecordCursor scan(QueryPlan plan, String documentsKeyspace) {
        return scan(plan, documentsKeyspace, NO_HINT);
    }

    /**
     * The records the plan reaches, the caller expecting to read about {@code expected} of them
     * ({@link #NO_HINT} when it cannot tell): the backend sizes its first page of each scan from it.
     */
    public RecordCursor scan(QueryPlan plan, String documentsKeyspace, int expected) {
        if (plan instanceof QueryPlan.FullScanPlan full) {
            return new RangeCursor(documentsKeyspace, List.of(new ScanRange(KeyRange.all(), "all")), full.reverse(),
                    expected);
        }
        if (plan instanceof QueryPlan.UnionPlan union) {
            List<Supplier<RecordCursor>> branches = union.branches().stream()
                    .<Supplier<RecordCursor>>map(branch -> () -> scan(branch, documentsKeyspace, expected)).toList();
            FieldPath id = FieldPath.of(union.keyPath());
            return union.ordered()
                    ? UnionCursor.merged(branches, SortOrder.comparator(union.sort(), union.keyPath()), id)
                    : UnionCursor.concatenated(branches, id);
        }
        if (plan instanceof QueryPlan.PrimaryKeyScanPlan primary) {
            return new RangeCursor(documentsKeyspace, primary.ranges(), primary.reverse(), expected);
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
        private final int expected;
        private int current;
        private int skipped;
        private KeyValueCursor cursor;
        private StoredRecord next;

        RangeCursor(String keyspace, List<ScanRange> ranges, boolean reverse, int expected) {
            this.keyspace = keyspace;
            this.ranges = reverse ? reversed(ranges) : ranges;
            this.reverse = reverse;
            this.expected = expected;
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
                    cursor = expected == NO_HINT ? backend.scan(keyspace, span(), reverse)
                            : backend.scan(keyspace, span(), reverse, expected);
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

        IndexCursor(String documentsKeyspace, QueryPlan.IndexScanPlan plan, int expected) {
            super(plan.index().keyspace(), plan.ranges(), plan.reverse(), expected);
            this.documentsKeyspace = documentsKeyspace;
            this.seen = plan.deduplicate() ? new HashSet<>() : null;
            this.pageSize = Math.max(1, Math.min(expected == NO_HINT ? DEFAULT_FIRST_FETCH : expected, MAX_FETCH));
        }

        @Override
        public boolean hasNext() {
            while (pending == null) {
                if (position == pageIds.size() && !fetchPage()) {
                    return false;
                }
                byte[] id = pageIds.get(position);
                if (pageDocuments == null) {
                    pending = cached(id);
                } else if (pageDocuments.get(position) != null) {
                    pending = readable(documentsKeyspace, new KeyValue(id, pageDocuments.get(position)));
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

        private StoredRecord cached(byte[] id) {
            try {
                return cache.get(documentsKeyspace, DocumentIds.toJava(KeyCodec.decodeLast(id)), records);
            } catch (StorageException e) {
                skip(documentsKeyspace, id, e);
                return null;
            }
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
            // a cached collection reads each document through the cache (coherent with commits);
            // an uncached one reads the page's documents in one multi-get
            pageDocuments = cache.keeps(documentsKeyspace) ? null : fetcher.fetch(documentsKeyspace, ids);
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
            skip(keyspace, entry.key(), e);
            return null;
        }
    }

    private static void skip(String keyspace, byte[] key, StorageException e) {
        LOG.warn("skipping unreadable record {} of keyspace '{}': {}", KeyCodec.decodeTuple(key), keyspace, e.getMessage());
    }

    private static List<ScanRange> reversed(List<ScanRange> ranges) {
        List<ScanRange> copy = new ArrayList<>(ranges);
        Collections.reverse(copy);
        return copy;
    }
}
