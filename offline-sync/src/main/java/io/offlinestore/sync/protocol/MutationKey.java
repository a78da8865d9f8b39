package io.offlinestore.sync.protocol;

import java.util.Objects;

/**
 * The idempotency key of a pushed mutation: the client, the local commit sequence that produced
 * the state being pushed (allocated in the same local commit as the write), and the document. A
 * key names exactly one document state, so a replay of the same key carries the same content and
 * the server answers it with the stored outcome.
 */
public record MutationKey(String clientId, long sequence, DocumentRef document) {

    public MutationKey {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(document, "document");
    }

    @Override
    public String toString() {
        return clientId + ":" + sequence + ":" + document;
    }
}
