package io.offlinestore.sync.protocol;

import java.util.List;
import java.util.Objects;

/** A client's push: batches applied in order, each atomically. */
public record PushRequest(int protocolVersion, String clientId, List<PushBatch> batches) {

    public PushRequest {
        Objects.requireNonNull(clientId, "clientId");
        batches = List.copyOf(batches);
    }

    /** A request of the current protocol version. */
    public static PushRequest of(String clientId, List<PushBatch> batches) {
        return new PushRequest(SyncProtocol.VERSION, clientId, batches);
    }
}
