package io.offlinestore.engine.change;

import io.offlinestore.Change;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which documents have unsynchronized changes: per collection, per document id, how many of
 * its changes the change log holds unsynchronized. Built from the log at open and kept in step
 * by the commits that log changes and by {@link ChangeLog#markSynchronized}, so that eviction
 * can ask about one document without reading the log.
 */
public final class PendingDocuments {
    private final Map<String, Map<Object, Integer>> counts = new HashMap<>();

    /** Counts changes newly written to the log. */
    public synchronized void added(Collection<Change> changes) {
        for (Change change : changes) {
            counts.computeIfAbsent(change.collection(), c -> new HashMap<>()).merge(change.id(), 1, Integer::sum);
        }
    }

    /** Uncounts changes no longer pending (synchronized or discarded). */
    public synchronized void removed(Collection<Change> changes) {
        for (Change change : changes) {
            Map<Object, Integer> ids = counts.get(change.collection());
            if (ids != null) {
                ids.computeIfPresent(change.id(), (id, n) -> n > 1 ? n - 1 : null);
                if (ids.isEmpty()) {
                    counts.remove(change.collection());
                }
            }
        }
    }

    /** Whether the document has unsynchronized changes. */
    public synchronized boolean contains(String collection, Object id) {
        Map<Object, Integer> ids = counts.get(collection);
        return ids != null && ids.containsKey(id);
    }

    /** How many unsynchronized changes the collection has. */
    public synchronized long count(String collection) {
        Map<Object, Integer> ids = counts.get(collection);
        return ids == null ? 0 : ids.values().stream().mapToLong(Integer::longValue).sum();
    }
}
