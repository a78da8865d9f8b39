package io.offlinestore.backend.memory;

import io.offlinestore.spi.BackendStats.KeyspaceStats;
import io.offlinestore.spi.KeyRange;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The entries of one keyspace with their count and size. Not synchronised itself: {@link MemoryBackend}
 * guards every call with its lock. The map is concurrent all the same so that cursors can walk it
 * between their locked steps while writers change it.
 */
final class MemoryKeyspace {
    private final ConcurrentSkipListMap<byte[], byte[]> entries = new ConcurrentSkipListMap<>(KeyRange::compare);
    private long count;
    private long bytes;

    byte[] get(byte[] key) {
        return entries.get(key);
    }

    void put(byte[] key, byte[] value) {
        byte[] previous = entries.put(key.clone(), value.clone());
        if (previous == null) {
            count++;
            bytes += key.length + value.length;
        } else {
            bytes += value.length - previous.length;
        }
    }

    void delete(byte[] key) {
        byte[] previous = entries.remove(key);
        if (previous != null) {
            count--;
            bytes -= key.length + previous.length;
        }
    }

    /** The entries of the range, descending when {@code reverse}; a live view. */
    NavigableMap<byte[], byte[]> view(KeyRange range, boolean reverse) {
        NavigableMap<byte[], byte[]> view = entries;
        if (range.isEmpty()) {
            view = view.headMap(new byte[0], false); // nothing sorts before the empty key
        } else {
            byte[] start = range.start();
            byte[] end = range.end();
            if (start != null) {
                view = view.tailMap(start, range.startInclusive());
            }
            if (end != null) {
                view = view.headMap(end, range.endInclusive());
            }
        }
        return reverse ? view.descendingMap() : view;
    }

    KeyspaceStats stats() {
        return new KeyspaceStats(count, bytes);
    }
}
