package io.offlinestore.backend.h2;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RootReference;

/**
 * What readers see: the root of every keyspace's map as of one commit, with its byte count.
 * MVStore maps are copy-on-write, so a root never changes once taken; but the pages under it may be
 * read from the file later (after leaving the cache), and MVStore frees the chunks of versions no one
 * registered once its retention time passes (at once after {@code compactFile}, which sets that time
 * to 0). So each snapshot registers the store version it was taken at
 * ({@link MVStore#registerVersionUsage()}) and releases it when the last holder is done: the backend
 * holds it until it publishes the next snapshot, and each get or cursor holds it while it reads.
 */
final class Snapshot {
    /** One keyspace as of the snapshot. */
    record View(Keyspace keyspace, RootReference<byte[], byte[]> root, long bytes) {
        long entries() {
            return root.getTotalCount();
        }
    }

    private final MVStore store;
    private final MVStore.TxCounter version;
    private final Map<String, View> views;
    private final AtomicInteger holders = new AtomicInteger(1);

    private Snapshot(MVStore store, Map<String, View> views) {
        this.store = store;
        this.views = views;
        this.version = store.registerVersionUsage();
    }

    /** Takes every keyspace's current root; called by the writer, right after a commit. */
    static Snapshot take(MVStore store, Map<String, Keyspace> keyspaces) {
        Map<String, View> views = new HashMap<>();
        keyspaces.forEach((name, keyspace) -> views.put(name, view(keyspace)));
        return new Snapshot(store, views);
    }

    /** This snapshot with the current roots of the changed keyspaces and without the dropped ones. */
    Snapshot with(Iterable<Keyspace> changed, Iterable<String> dropped) {
        Map<String, View> next = new HashMap<>(views);
        changed.forEach(keyspace -> next.put(keyspace.name(), view(keyspace)));
        dropped.forEach(next::remove);
        return new Snapshot(store, next);
    }

    private static View view(Keyspace keyspace) {
        return new View(keyspace, keyspace.map().getRoot(), keyspace.bytes());
    }

    /** The keyspace of that name, or null. */
    View view(String keyspace) {
        return views.get(keyspace);
    }

    Map<String, View> views() {
        return views;
    }

    /** Holds the snapshot for a read; false if it was already released for good. */
    boolean tryAcquire() {
        for (int held = holders.get(); held > 0; held = holders.get()) {
            if (holders.compareAndSet(held, held + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Ends one hold; the last one lets MVStore reclaim the version's pages. */
    void release() {
        if (holders.decrementAndGet() == 0 && !store.isClosed()) {
            store.deregisterVersionUsage(version);
        }
    }
}
