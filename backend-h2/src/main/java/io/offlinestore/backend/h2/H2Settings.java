package io.offlinestore.backend.h2;

import io.offlinestore.ConfigurationException;
import io.offlinestore.spi.BackendConfig;
import java.util.Locale;
import java.util.Set;

/**
 * The h2 backend's own settings, read from {@link BackendConfig#settings()}
 * ({@code offline.settings.h2.*} in a configuration file):
 * <ul>
 * <li>{@value #CACHE_SIZE}: MVStore's page cache, in megabytes (default {@value #DEFAULT_CACHE_MB},
 *     MVStore's own default; 0 turns it off).</li>
 * <li>{@value #COMPRESS}: {@code none} (default), {@code fast} (LZF) or {@code high} (Deflate):
 *     pages are compressed as they are written, trading CPU for file size.</li>
 * </ul>
 * Any other key starting with {@code h2.} is rejected, so that a misspelt setting fails loudly.
 *
 * @param cacheSizeMb the page cache size in megabytes
 * @param compression how pages are compressed
 */
record H2Settings(int cacheSizeMb, Compression compression) {
    static final String CACHE_SIZE = "h2.cacheSizeMb";
    static final String COMPRESS = "h2.compress";
    static final int DEFAULT_CACHE_MB = 16;
    private static final String PREFIX = "h2.";
    private static final Set<String> KNOWN = Set.of(CACHE_SIZE, COMPRESS);

    /** Page compression, as MVStore offers it. */
    enum Compression { NONE, FAST, HIGH }

    /**
     * @throws ConfigurationException on an unknown {@code h2.} key or a bad value
     */
    static H2Settings from(BackendConfig config) {
        for (String key : config.settings().keySet()) {
            if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
                throw new ConfigurationException("unknown setting '" + key + "' for backend 'h2'; known: " + KNOWN);
            }
        }
        int cache = config.setting(CACHE_SIZE).map(H2Settings::megabytes).orElse(DEFAULT_CACHE_MB);
        Compression compression = config.setting(COMPRESS).map(H2Settings::compression).orElse(Compression.NONE);
        return new H2Settings(cache, compression);
    }

    private static int megabytes(String value) {
        try {
            int megabytes = Integer.parseInt(value.trim());
            if (megabytes >= 0 && megabytes <= 1 << 20) {
                return megabytes;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw new ConfigurationException("setting '" + CACHE_SIZE + "' must be a number of megabytes from 0 to "
                + (1 << 20) + ", got '" + value + "'");
    }

    private static Compression compression(String value) {
        try {
            return Compression.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("setting '" + COMPRESS + "' must be none, fast or high, got '" + value + "'");
        }
    }
}
