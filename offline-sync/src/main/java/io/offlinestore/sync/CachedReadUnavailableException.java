package io.offlinestore.sync;

import io.offlinestore.OfflineStoreException;

/**
 * A {@link CachedRead} could not be answered: offline (or the call failed with a network error)
 * and nothing was cached for these arguments.
 */
public class CachedReadUnavailableException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public CachedReadUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
