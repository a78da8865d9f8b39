package io.offlinestore.backend.mapdb;

import io.offlinestore.spi.BackendStats.KeyspaceStats;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mapdb.BTreeMap;

/**
 * One keyspace: a MapDB {@link BTreeMap} of byte arrays, named {@code ks.<id>} in the store, with
 * its entry count and bytes. Not synchronised itself: {@link MapDbBackend} guards every call.
 *
 * <p>Arrays returned come straight from MapDB, which deserialises a fresh array on every read
 * and keeps none, so they are never shared with the store or with another caller.
 */
final class Keyspace {
    private static final String MAP_PREFIX = "ks.";

    private final String name;
    private final long id;
    private BTreeMap<byte[], byte[]> entries;
    private long count;
    private long bytes;
    private boolean dropped;

    Keyspace(String name, long id, BTreeMap<byte[], byte[]> entries, long count, long bytes) {
        this.name = name;
        this.id = id;
        this.entries = entries;
        this.count = count;
        this.bytes = bytes;
    }

    /** The name of the map holding the keyspace with this id. */
    static String mapName(long id) {
        return MAP_PREFIX + id;
    }

    String name() {
        return name;
    }

    long id() {
        return id;
    }

    BTreeMap<byte[], byte[]> entries() {
        return entries;
    }

    /** Points at the same keyspace in a new store file, after compaction. */
    void rebind(BTreeMap<byte[], byte[]> moved) {
        this.entries = moved;
    }

    byte[] get(byte[] key) {
        return entries.get(key);
    }

    /**
     * The next entries of a scan: those of {@code range} beyond {@code after} (all of them when it
     * is null), in scan order, at most {@code maxEntries} and, past the first, about
     * {@code maxBytes} of keys and values.
     */
    List<KeyValue> fetch(KeyRange range, boolean reverse, byte[] after, int maxEntries, long maxBytes) {
        KeyRange rest = after == null ? range
                : reverse ? KeyRange.of(range.start(), range.startInclusive(), after, false)
                : KeyRange.of(after, false, range.end(), range.endInclusive());
        List<KeyValue> page = new ArrayList<>();
        if (rest.isEmpty()) {
            return page;
        }
        Iterator<Map.Entry<byte[], byte[]>> iterator = reverse
                ? entries.descendingEntryIterator(rest.start(), rest.startInclusive(), rest.end(), rest.endInclusive())
                : entries.entryIterator(rest.start(), rest.startInclusive(), rest.end(), rest.endInclusive());
        long size = 0;
        while (iterator.hasNext() && page.size() < maxEntries && size < maxBytes) {
            Map.Entry<byte[], byte[]> entry = iterator.next();
            page.add(new KeyValue(entry.getKey(), entry.getValue()));
            size += entry.getKey().length + entry.getValue().length;
        }
        return page;
    }

    KeyspaceStats stats() {
        return new KeyspaceStats(count, bytes);
    }

    /** Sets the counts, once the commit that changed them is done. */
    void stats(KeyspaceStats stats) {
        this.count = stats.entries();
        this.bytes = stats.bytes();
    }

    boolean isDropped() {
        return dropped;
    }

    void markDropped() {
        dropped = true;
    }
}
