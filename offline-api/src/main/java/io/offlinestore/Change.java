package io.offlinestore;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed create, update or delete, as recorded in the store's durable change log.
 *
 * @param sequence      the commit sequence: changes of one commit share it; later commits have larger ones
 * @param ordinal       the change's position within its commit
 * @param collection    the collection changed
 * @param id            the document id (String or Long)
 * @param operation     what happened
 * @param version       the document's version after the change (for a delete, the version deleted)
 * @param timestamp     when the commit happened
 * @param transactionId the id of the transaction (or single write) that committed it
 */
public record Change(long sequence, int ordinal, String collection, Object id, Operation operation, long version,
                     Instant timestamp, String transactionId) {

    /**
     * The kind of change. {@link #EVICTED} is heard by listeners only: a document removed by
     * local housekeeping (eviction or {@link OfflineStore#clear}), never written to the change
     * log, so never synchronized as a deletion.
     */
    public enum Operation { CREATE, UPDATE, DELETE, EVICTED }

    public Change {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
