package io.offlinestore.engine.tx;

import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;

/**
 * A backend scan merged with the pending writes in the same range and direction: a pending
 * value replaces the stored one under the same key, a pending delete hides it.
 */
final class OverlayCursor implements KeyValueCursor {
    private final KeyValueCursor stored;
    private final Iterator<Map.Entry<byte[], PendingGroup.Slot>> pending;
    private final int direction;
    private KeyValue nextStored;
    private Map.Entry<byte[], PendingGroup.Slot> nextPending;
    private KeyValue next;

    /** {@code overlay} is already in the scan's direction. */
    OverlayCursor(KeyValueCursor stored, NavigableMap<byte[], PendingGroup.Slot> overlay, boolean reverse) {
        this.stored = stored;
        this.pending = overlay.entrySet().iterator();
        this.direction = reverse ? -1 : 1;
        this.nextStored = stored.hasNext() ? stored.next() : null;
        this.nextPending = pending.hasNext() ? pending.next() : null;
    }

    @Override
    public boolean hasNext() {
        while (next == null && (nextStored != null || nextPending != null)) {
            int order = nextStored == null ? 1 : nextPending == null ? -1
                    : direction * KeyRange.compare(nextStored.key(), nextPending.getKey());
            if (order < 0) {
                next = nextStored;
                nextStored = stored.hasNext() ? stored.next() : null;
            } else {
                if (order == 0) {
                    nextStored = stored.hasNext() ? stored.next() : null;
                }
                byte[] value = nextPending.getValue().value();
                if (value != null) {
                    next = new KeyValue(nextPending.getKey().clone(), value.clone());
                }
                nextPending = pending.hasNext() ? pending.next() : null;
            }
        }
        return next != null;
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        KeyValue result = next;
        next = null;
        return result;
    }

    @Override
    public void close() {
        stored.close();
    }
}
