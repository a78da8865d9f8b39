package io.offlinestore.backend.memory;

import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A cursor over a live view of a {@link MemoryKeyspace}. Each step runs under the backend's read
 * lock, so it never observes a batch half applied; between steps it holds nothing.
 */
final class MemoryCursor implements KeyValueCursor {
    private final MemoryBackend backend;
    private final Iterator<Map.Entry<byte[], byte[]>> entries;
    private boolean closed;

    MemoryCursor(MemoryBackend backend, Iterator<Map.Entry<byte[], byte[]>> entries) {
        this.backend = backend;
        this.entries = entries;
    }

    @Override
    public boolean hasNext() {
        return !closed && backend.read(entries::hasNext);
    }

    @Override
    public KeyValue next() {
        if (closed) {
            throw new NoSuchElementException("cursor is closed");
        }
        return backend.read(() -> {
            Map.Entry<byte[], byte[]> entry = entries.next();
            return new KeyValue(entry.getKey().clone(), entry.getValue().clone());
        });
    }

    @Override
    public void close() {
        closed = true;
    }
}
