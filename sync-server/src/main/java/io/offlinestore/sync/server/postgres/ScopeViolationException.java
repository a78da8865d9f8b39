package io.offlinestore.sync.server.postgres;

import io.offlinestore.OfflineStoreException;
import io.offlinestore.sync.protocol.DocumentRef;

/**
 * A write reached a document that belongs to a scope the writer does not hold. The transaction
 * that tried it is rolled back: nothing of it is applied.
 */
public class ScopeViolationException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public ScopeViolationException(DocumentRef document, String scope) {
        super(document + " belongs to scope '" + scope + "', which this account does not hold");
    }
}
