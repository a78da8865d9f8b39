package io.offlinestore.testkit.engine;

import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.util.Set;

/**
 * A backend that forwards every call to another: contracts extend it to count or slow down
 * the calls they are interested in.
 */
abstract class ForwardingBackend implements StorageBackend {
    private final StorageBackend inner;

    ForwardingBackend(StorageBackend inner) {
        this.inner = inner;
    }

    @Override
    public void apply(WriteBatch batch) {
        inner.apply(batch);
    }

    @Override
    public Set<Capability> capabilities() {
        return inner.capabilities();
    }

    @Override
    public void createKeyspace(String keyspace) {
        inner.createKeyspace(keyspace);
    }

    @Override
    public void dropKeyspace(String keyspace) {
        inner.dropKeyspace(keyspace);
    }

    @Override
    public Set<String> keyspaces() {
        return inner.keyspaces();
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return inner.get(keyspace, key);
    }

    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
        return inner.scan(keyspace, range, reverse);
    }

    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse, int expected) {
        return inner.scan(keyspace, range, reverse, expected);
    }

    @Override
    public BackendStats stats() {
        return inner.stats();
    }

    @Override
    public void compact() {
        inner.compact();
    }

    @Override
    public void close() {
        inner.close();
    }
}
