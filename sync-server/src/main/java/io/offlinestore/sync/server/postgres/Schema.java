package io.offlinestore.sync.server.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The sync server's schema, brought up to date by Flyway from {@code db/migration}. */
public final class Schema {
    private Schema() {
    }

    /** Applies pending migrations (concurrent instances starting together are serialised by Flyway's lock). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("sync_schema_history").load().migrate();
    }
}
