package io.offlinestore.sync.server.http.internal;

import io.offlinestore.OfflineStoreException;

/** A request the server answers with a 4xx status and a message saying what was wrong. */
public final class HttpProblem extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer. */
    public int status() {
        return status;
    }
}
