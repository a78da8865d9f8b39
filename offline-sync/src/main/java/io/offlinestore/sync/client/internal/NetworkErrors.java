package io.offlinestore.sync.client.internal;

import java.io.IOException;

/**
 * Tells a network failure from any other: an {@link IOException} (connection refused, timeout,
 * unknown host, reset, ...) anywhere in the cause chain.
 */
final class NetworkErrors {
    private NetworkErrors() {
    }

    static boolean isNetworkError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
