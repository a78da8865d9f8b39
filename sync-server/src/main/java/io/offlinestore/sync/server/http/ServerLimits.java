package io.offlinestore.sync.server.http;

/**
 * What one request may carry and how often a token may call.
 *
 * @param maxRequestBytes        the largest request body, after gzip decoding (413 beyond)
 * @param maxMutationsPerRequest the most mutations in one push (413 beyond)
 * @param requestsPerSecond      the sustained request rate of one token (429 beyond)
 * @param burst                  how many requests a token may make at once before the rate applies
 */
public record ServerLimits(long maxRequestBytes, int maxMutationsPerRequest, double requestsPerSecond, int burst) {

    /** 16 MiB, 10,000 mutations, 200 requests a second with bursts of 400. */
    public static final ServerLimits DEFAULT = new ServerLimits(16L << 20, 10_000, 200, 400);

    public ServerLimits {
        if (maxRequestBytes < 1024 || maxMutationsPerRequest < 1 || requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("limits must be positive (and requests at least 1 KiB), got "
                    + maxRequestBytes + " bytes, " + maxMutationsPerRequest + " mutations, " + requestsPerSecond
                    + "/s, burst " + burst);
        }
    }
}
