package io.offlinestore.sync.protocol;

import java.util.List;

/** One result per pushed mutation, in the order pushed. */
public record PushResponse(int protocolVersion, List<MutationResult> results) {

    public PushResponse {
        results = List.copyOf(results);
    }

    /** A response of the current protocol version. */
    public static PushResponse of(List<MutationResult> results) {
        return new PushResponse(SyncProtocol.VERSION, results);
    }
}
