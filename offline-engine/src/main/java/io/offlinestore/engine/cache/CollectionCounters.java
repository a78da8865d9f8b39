package io.offlinestore.engine.cache;

import java.util.concurrent.atomic.LongAdder;

/** One collection's hit, miss and eviction counts. */
final class CollectionCounters {
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder evictions = new LongAdder();
}
