package io.offlinestore.sync.protocol;

import java.util.Objects;

/**
 * Asks for the changes of a scope after a checkpoint.
 *
 * @param checkpoint the checkpoint the previous page returned, or null to start from the beginning
 * @param limit      at most this many documents
 */
public record PullRequest(int protocolVersion, String clientId, Scope scope, String checkpoint, int limit) {

    public PullRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        if (limit < 1) {
            throw new SyncProtocolException("pull limit must be at least 1, got " + limit);
        }
    }

    /** A request of the current protocol version. */
    public static PullRequest of(String clientId, Scope scope, String checkpoint, int limit) {
        return new PullRequest(SyncProtocol.VERSION, clientId, scope, checkpoint, limit);
    }
}
