package io.offlinestore.sync.protocol;

import io.offlinestore.OfflineStoreException;

/** A sync message was malformed, of another protocol version, or asked for something invalid. */
public class SyncProtocolException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public SyncProtocolException(String message) {
        super(message);
    }

    public SyncProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
