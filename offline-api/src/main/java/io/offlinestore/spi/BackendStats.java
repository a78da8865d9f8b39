package io.offlinestore.spi;

import java.util.Map;

/**
 * Sizes of a backend's keyspaces. Byte counts are the sizes of keys and values as stored;
 * backends may report them approximately.
 *
 * @param keyspaces per keyspace name, its entry count and bytes
 */
public record BackendStats(Map<String, KeyspaceStats> keyspaces) {

    /** Entry count and bytes of one keyspace. */
    public record KeyspaceStats(long entries, long bytes) {
    }

    public BackendStats {
        keyspaces = Map.copyOf(keyspaces);
    }

    /** The bytes of every keyspace together. */
    public long totalBytes() {
        return keyspaces.values().stream().mapToLong(KeyspaceStats::bytes).sum();
    }
}
