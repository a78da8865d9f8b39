package io.offlinestore.sync.server.postgres;

import io.offlinestore.sync.server.SyncStorage;
import io.offlinestore.sync.server.SyncStorageContract;
import io.offlinestore.sync.server.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/** The storage contract over PostgreSQL (a fresh database per test, one embedded PostgreSQL). */
class PostgresSyncStorageContractTest extends SyncStorageContract {
    private static final List<ServerDatabase> OPEN = new ArrayList<>();

    @Override
    protected SyncStorage storage() {
        ServerDatabase database = TestPostgres.freshDatabase();
        OPEN.add(database);
        return PostgresSyncStorage.unscoped(database.dataSource(), "test");
    }

    @AfterAll
    static void closeDatabases() {
        OPEN.forEach(ServerDatabase::close);
        OPEN.clear();
    }
}
