/**
 * Storage management: the per-collection eviction policies and the store's size limit. The
 * {@link io.offlinestore.engine.evict.UsageTracker} keeps each collection's document count and
 * bytes from the commits' size deltas; the {@link io.offlinestore.engine.evict.AccessRecorder}
 * keeps approximate read recency in memory for LRU; the
 * {@link io.offlinestore.engine.evict.Evictor} picks victims and removes them in commits that
 * write no change record; the {@link io.offlinestore.engine.evict.EvictionScheduler} runs its
 * passes in the background.
 */
package io.offlinestore.engine.evict;
