package io.offlinestore.sync.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One document write sent to the server: the document's whole new state (or its deletion) and
 * the server version it was made on ({@code 0} for a document the client never saw on the server).
 *
 * @param key         the idempotency key (its document names the collection and id)
 * @param operation   put or delete
 * @param body        the new document for a put, null for a delete
 * @param baseVersion the server version the write was made on
 */
public record Mutation(MutationKey key, Operation operation, ObjectNode body, long baseVersion) {

    /** What the mutation does. */
    public enum Operation { PUT, DELETE }

    public Mutation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operation, "operation");
        if ((operation == Operation.PUT) == (body == null)) {
            throw new SyncProtocolException("mutation " + key + ": a put carries a body and a delete does not");
        }
    }

    /** The document written. */
    public DocumentRef document() {
        return key.document();
    }
}
