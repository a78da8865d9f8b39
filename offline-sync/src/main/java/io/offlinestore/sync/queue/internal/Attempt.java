package io.offlinestore.sync.queue.internal;

import io.offlinestore.sync.Outcome;

/**
 * What one attempt came to, as stored.
 *
 * @param operationId the operation's id
 * @param kind the outcome stored, or null when the attempt was {@link #SKIPPED}
 * @param message why it did not succeed
 */
record Attempt(String operationId, Outcome.Kind kind, String message) {
    /** Another runner had the operation, or it changed while the handler ran: nothing was stored. */
    static final Attempt SKIPPED = new Attempt(null, null, null);
}
