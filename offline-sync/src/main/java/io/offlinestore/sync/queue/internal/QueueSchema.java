package io.offlinestore.sync.queue.internal;

import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.sync.Operation;

/** The queue collection's schema: untracked by the change log, indexed by status then sequence. */
public final class QueueSchema {
    /** Serves "the operations in a status, oldest first". */
    static final IndexDefinition STATUS_SEQUENCE = IndexDefinition.of(Operation.Fields.STATUS, Operation.Fields.SEQUENCE);

    private QueueSchema() {
    }

    /** The schema of a queue kept in the named collection. */
    public static CollectionSchema of(String collection) {
        return CollectionSchema.builder(collection).trackChanges(false).index(STATUS_SEQUENCE).build();
    }
}
