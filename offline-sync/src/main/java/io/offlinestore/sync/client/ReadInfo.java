package io.offlinestore.sync.client;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the answer of a {@link io.offlinestore.sync.CachedRead} came from; see
 * {@link io.offlinestore.sync.OfflineClient#lastRead()}.
 *
 * @param method the API method's name
 * @param source where the answer came from
 * @param cachedAt when the answer was cached (for cache answers) or stored (for network answers)
 */
public record ReadInfo(String method, Source source, Optional<Instant> cachedAt) {

    /** The three places an answer comes from. */
    public enum Source {
        /** The real implementation was called. */
        NETWORK,
        /** A cached answer within its time to live. */
        CACHE_FRESH,
        /** A cached answer past its time to live, served because the network was not available. */
        CACHE_STALE
    }

    /** Whether the answer was stale. */
    public boolean isStale() {
        return source == Source.CACHE_STALE;
    }
}
