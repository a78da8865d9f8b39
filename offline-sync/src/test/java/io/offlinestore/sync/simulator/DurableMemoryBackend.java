package io.offlinestore.sync.simulator;

import io.offlinestore.backend.memory.MemoryBackend;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import java.util.Set;

/**
 * A memory backend whose data outlives the store over it, standing in for a disk: closing the
 * store and opening a new one over this provider is a process restart (only committed batches
 * survive, as on a durable backend). One provider is one client's disk.
 */
final class DurableMemoryBackend implements StorageBackendProvider {
    private final MemoryBackend disk = new MemoryBackend();

    @Override
    public String name() {
        return "durable-memory";
    }

    @Override
    public StorageBackend open(BackendConfig config) {
        return new StorageBackend() {
            @Override
            public Set<Capability> capabilities() {
                return disk.capabilities();
            }

            @Override
            public void createKeyspace(String keyspace) {
                disk.createKeyspace(keyspace);
            }

            @Override
            public void dropKeyspace(String keyspace) {
                disk.dropKeyspace(keyspace);
            }

            @Override
            public Set<String> keyspaces() {
                return disk.keyspaces();
            }

            @Override
            public byte[] get(String keyspace, byte[] key) {
                return disk.get(keyspace, key);
            }

            @Override
            public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
                return disk.scan(keyspace, range, reverse);
            }

            @Override
            public void apply(WriteBatch batch) {
                disk.apply(batch);
            }

            @Override
            public BackendStats stats() {
                return disk.stats();
            }

            @Override
            public void compact() {
                disk.compact();
            }

            @Override
            public void close() {
                // the "disk" stays; only the process over it goes away
            }
        };
    }
}
