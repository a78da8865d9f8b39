package io.offlinestore.migrations;

import io.offlinestore.query.Filters;

/**
 * A non-idempotent migration at a given version: adds one to every document's {@code visits},
 * and optionally throws when it reaches the document with id {@code failAt}.
 */
public class IncrementVisits implements Migration {
    private final int version;
    private final String collection;
    private final long failAt;

    public IncrementVisits(int version, String collection, long failAt) {
        this.version = version;
        this.collection = collection;
        this.failAt = failAt;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String description() {
        return "increment visits";
    }

    @Override
    public void up(MigrationContext ctx) {
        ctx.transform(collection, Filters.all(), doc -> {
            if (doc.getLong("id") == failAt) {
                throw new IllegalStateException("bad document " + failAt);
            }
            return doc.with("visits", doc.getLong("visits") + 1);
        });
    }
}
