package io.offlinestore.engine.cache;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters striped by key hash, advanced for every key a commit changes before its entry is
 * removed. A load notes its key's stamp before reading the backend and is cached only if the
 * stamp has not moved when it is put (checked inside the cache's atomic compute for that key), so
 * a load that raced with a commit can never put back what the commit replaced. Unrelated keys
 * sharing a stripe only cost a skipped put.
 */
final class InvalidationStamps {
    private static final int STRIPES = 1 << 12;

    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);

    long current(int hash) {
        return stripes.get(stripe(hash));
    }

    void advance(int hash) {
        stripes.incrementAndGet(stripe(hash));
    }

    private static int stripe(int hash) {
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }
}
