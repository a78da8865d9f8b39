package io.offlinestore.sync;

import java.util.List;

/**
 * What one {@link SyncEngine#synchronize()} did.
 *
 * @param pushed    local document changes the server took (duplicates of earlier pushes included)
 * @param pulled    server documents applied locally
 * @param conflicts conflicts found (settled by the strategy or stored)
 * @param errors    what went wrong, for people; empty when the sync completed
 */
public record SyncResult(int pushed, int pulled, int conflicts, List<String> errors) {

    public SyncResult {
        errors = List.copyOf(errors);
    }

    /** Documents moved either way. */
    public int synced() {
        return pushed + pulled;
    }

    /** Whether the sync completed without error. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
