package io.offlinestore.engine.evict;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each document was last read, kept in memory only, for LRU eviction: a read never writes
 * to disk. Times are kept to {@link #GRANULARITY_MILLIS}: a document read again within that
 * time of its last recorded read is not recorded again, so a hot read costs one map lookup.
 * Recording is on only while some collection needs recency (an {@code lru} policy, or the
 * store's LRU strategy); what was read before a reopen is forgotten, and the document's last
 * write time (stored in its record) stands in for it.
 */
public final class AccessRecorder {
    /** The precision of recorded read times. */
    public static final long GRANULARITY_MILLIS = 1000;

    private final Clock clock;
    private final Map<String, Map<JsonNode, Long>> reads = new ConcurrentHashMap<>();
    private volatile boolean enabled;

    public AccessRecorder(Clock clock) {
        this.clock = clock;
    }

    /** Turns recording on or off (off also forgets what was recorded). */
    public void enable(boolean on) {
        enabled = on;
        if (!on) {
            reads.clear();
        }
    }

    /** Whether reads are being recorded (callers skip building the id when not). */
    public boolean enabled() {
        return enabled;
    }

    /** Notes a read of the document. */
    public void read(String collection, JsonNode id) {
        if (!enabled) {
            return;
        }
        Map<JsonNode, Long> times = reads.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
        long now = clock.millis();
        Long last = times.get(id);
        if (last == null || now - last >= GRANULARITY_MILLIS) {
            times.put(id, now);
        }
    }

    /** When the document was last read in this process, or 0. */
    public long lastRead(String collection, JsonNode id) {
        Map<JsonNode, Long> times = reads.get(collection);
        Long last = times == null ? null : times.get(id);
        return last == null ? 0 : last;
    }

    /** Forgets a document (it was evicted or deleted). */
    public void forget(String collection, JsonNode id) {
        Map<JsonNode, Long> times = reads.get(collection);
        if (times != null) {
            times.remove(id);
        }
    }

    /** Forgets a collection (it was cleared). */
    public void forget(String collection) {
        reads.remove(collection);
    }
}
