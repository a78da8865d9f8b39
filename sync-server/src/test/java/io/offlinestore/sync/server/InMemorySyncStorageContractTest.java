package io.offlinestore.sync.server;

/** The storage contract over {@link InMemorySyncStorage}, the reference the PostgreSQL storage must match. */
class InMemorySyncStorageContractTest extends SyncStorageContract {
    @Override
    protected SyncStorage storage() {
        return new InMemorySyncStorage();
    }
}
