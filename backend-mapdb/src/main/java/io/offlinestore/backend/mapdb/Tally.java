package io.offlinestore.backend.mapdb;

import io.offlinestore.spi.BackendStats.KeyspaceStats;

/** A keyspace's entry count and bytes of keys and values, followed through the writes of one batch. */
final class Tally {
    private long entries;
    private long bytes;

    Tally(Keyspace keyspace) {
        KeyspaceStats stats = keyspace.stats();
        this.entries = stats.entries();
        this.bytes = stats.bytes();
    }

    /** Counts a put that replaced {@code previous} (null when the key was new). */
    void put(byte[] key, byte[] value, byte[] previous) {
        if (previous == null) {
            entries++;
            bytes += key.length + value.length;
        } else {
            bytes += value.length - previous.length;
        }
    }

    /** Counts a delete that removed {@code previous} (null when there was no entry). */
    void delete(byte[] key, byte[] previous) {
        if (previous != null) {
            entries--;
            bytes -= key.length + previous.length;
        }
    }

    KeyspaceStats stats() {
        return new KeyspaceStats(entries, bytes);
    }
}
