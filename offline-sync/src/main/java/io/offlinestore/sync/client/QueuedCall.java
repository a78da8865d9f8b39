package io.offlinestore.sync.client;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The receipt a {@link io.offlinestore.sync.QueuedWrite} method returns: a future of the call's
 * result that completes at once when the call went through, or when its queued operation ran
 * (in this process); it completes exceptionally if the operation fails for good.
 *
 * @param <T> the result type
 */
public final class QueuedCall<T> extends CompletableFuture<T> {
    private final String operationId;

    /** A receipt for a call queued as this operation, or for a direct call when the id is null. */
    public QueuedCall(String operationId) {
        this.operationId = operationId;
    }

    /** The queued operation's id, when the call was queued. */
    public Optional<String> operationId() {
        return Optional.ofNullable(operationId);
    }

    /** Whether the call was queued instead of going through at once. */
    public boolean isQueued() {
        return operationId != null;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
