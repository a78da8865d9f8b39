package io.offlinestore.backend.mapdb;

import io.offlinestore.ConfigurationException;
import io.offlinestore.spi.BackendConfig;
import java.util.Locale;
import java.util.Set;

/**
 * The mapdb backend's own settings, read from {@link BackendConfig#settings()}
 * ({@code offline.settings.mapdb.*} in a configuration file):
 * <ul>
 * <li>{@value #MMAP}: {@code true} to memory-map the store file, {@code false} to read and write
 *     it through a file channel. Defaults to {@code true} on 64-bit JVMs outside Windows, as
 *     MapDB does: mapping is several times faster but takes address space the size of the file,
 *     and Windows cannot delete or replace a mapped file (which compaction does).</li>
 * </ul>
 * Any other key starting with {@code mapdb.} is rejected, so that a misspelt setting fails loudly.
 *
 * @param mmap whether the store file is memory-mapped
 */
record MapDbSettings(boolean mmap) {
    static final String MMAP = "mapdb.mmap";
    private static final String PREFIX = "mapdb.";
    private static final Set<String> KNOWN = Set.of(MMAP);

    /**
     * @throws ConfigurationException on an unknown {@code mapdb.} key or a bad value
     */
    static MapDbSettings from(BackendConfig config) {
        for (String key : config.settings().keySet()) {
            if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
                throw new ConfigurationException("unknown setting '" + key + "' for backend 'mapdb'; known: " + KNOWN);
            }
        }
        boolean mmap = config.setting(MMAP).map(value -> bool(MMAP, value)).orElseGet(MapDbSettings::mmapByDefault);
        return new MapDbSettings(mmap);
    }

    private static boolean bool(String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException("setting '" + key + "' must be true or false, got '" + value + "'");
        };
    }

    private static boolean mmapByDefault() {
        return System.getProperty("os.arch", "").contains("64")
                && !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
