package io.offlinestore.engine.cache;

import io.offlinestore.engine.codec.StoredRecord;

/**
 * A cache entry: the decoded record, its weight (its stored bytes), and how long it
 * may stay unread ({@link Long#MAX_VALUE} for as long as size allows).
 */
record CachedRecord(StoredRecord record, int weight, long idleNanos) {
}
