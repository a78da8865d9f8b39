package io.offlinestore.backend.mapdb;

import java.nio.file.Path;
import java.util.Map;
import org.mapdb.BTreeMap;

/**
 * Copies the live content of a store into a new store file. MapDB 3.1.0 cannot compact a
 * transactional store in place ({@code StoreWAL.compact()} does nothing), and a dropped keyspace's
 * records stay allocated, so compaction writes every keyspace, in key order, into a fresh file
 * that then replaces the old one. The copy commits every {@value #COMMIT_BYTES} bytes, without
 * forcing, so its memory stays bounded; the new file is forced to disk when it is closed.
 */
final class Compaction {
    private static final long COMMIT_BYTES = 8L << 20;

    private Compaction() {
    }

    /** Writes a copy of {@code source}'s keyspaces to {@code target}, which must not exist, and closes it. */
    static void copy(MapDbStore source, Path target, boolean mmap) {
        try (MapDbStore copy = MapDbStore.create(target, false, mmap)) {
            KeyspaceCatalog catalog = copy.catalog();
            for (Keyspace keyspace : source.catalog().all()) {
                BTreeMap<byte[], byte[]> entries = catalog.copyOf(keyspace);
                long pending = 0;
                for (Map.Entry<byte[], byte[]> entry : keyspace.entries().entrySet()) {
                    entries.put(entry.getKey(), entry.getValue());
                    pending += entry.getKey().length + entry.getValue().length;
                    if (pending >= COMMIT_BYTES) {
                        copy.commit();
                        pending = 0;
                    }
                }
                copy.commit();
            }
            catalog.issueIdsAfter(source.catalog());
            copy.commit();
        }
    }
}
