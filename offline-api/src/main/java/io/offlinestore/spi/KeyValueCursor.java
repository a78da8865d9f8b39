package io.offlinestore.spi;

import java.util.Iterator;

/**
 * The entries of a range scan, walked once. Closing releases what the scan holds (a snapshot,
 * a result set); a cursor read to its end may be closed or not, but closing is always safe.
 */
public interface KeyValueCursor extends Iterator<KeyValue>, AutoCloseable {
    @Override
    void close();
}
