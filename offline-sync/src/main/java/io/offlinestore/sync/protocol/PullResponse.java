package io.offlinestore.sync.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A page of a pull.
 *
 * @param status     OK, or RESET when the checkpoint is older than the server's tombstone retention:
 *                   the client starts that scope again from a null checkpoint
 * @param documents  the changed documents in server commit order
 * @param checkpoint the opaque checkpoint to send next time (null with RESET)
 * @param hasMore    whether more changes follow
 * @param remaining  an estimate of how many documents are still to come, for progress
 */
public record PullResponse(int protocolVersion, Status status, List<PulledDocument> documents, String checkpoint,
                           boolean hasMore, long remaining) {

    /** Whether the page is usable. */
    public enum Status { OK, RESET }

    public PullResponse {
        Objects.requireNonNull(status, "status");
        documents = List.copyOf(documents);
    }

    /** A page of the current protocol version. */
    public static PullResponse page(List<PulledDocument> documents, String checkpoint, boolean hasMore,
                                    long remaining) {
        return new PullResponse(SyncProtocol.VERSION, Status.OK, documents, checkpoint, hasMore, remaining);
    }

    /** Tells the client its checkpoint is too old. */
    public static PullResponse reset() {
        return new PullResponse(SyncProtocol.VERSION, Status.RESET, List.of(), null, true, 0);
    }
}
