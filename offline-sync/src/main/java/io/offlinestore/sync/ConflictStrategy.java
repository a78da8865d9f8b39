package io.offlinestore.sync;

import io.offlinestore.ConfigurationException;
import java.util.Locale;

/** How a collection settles a document changed both locally and on the server. */
public enum ConflictStrategy {
    /** The local version is pushed over the server's. */
    CLIENT_WINS,
    /** The server's version replaces the local one. */
    SERVER_WINS,
    /**
     * Three-way, field by field, against the last version both sides agreed on: fields changed on
     * one side only keep that change; a field changed on both sides takes the configured
     * fallback side ({@link SyncOptions.Builder#mergeFallback}).
     */
    MERGE,
    /**
     * The conflict is stored for {@link SyncEngine#resolveConflict}; the document waits, every
     * other document keeps syncing.
     */
    MANUAL;

    /** Alias of {@link #CLIENT_WINS}. */
    public static final ConflictStrategy LOCAL_WINS = CLIENT_WINS;
    /** Alias of {@link #SERVER_WINS}. */
    public static final ConflictStrategy REMOTE_WINS = SERVER_WINS;

    /**
     * The strategy named in any case with '-' or '_' ({@code server-wins}, {@code LOCAL_WINS},
     * {@code merge}), aliases included.
     *
     * @throws ConfigurationException listing the names if none matches
     */
    public static ConflictStrategy parse(String name) {
        String normal = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (normal) {
            case "CLIENT_WINS", "LOCAL_WINS" -> CLIENT_WINS;
            case "SERVER_WINS", "REMOTE_WINS" -> SERVER_WINS;
            case "MERGE" -> MERGE;
            case "MANUAL" -> MANUAL;
            default -> throw new ConfigurationException("unknown conflict strategy '" + name
                    + "': use client-wins (local-wins), server-wins (remote-wins), merge or manual");
        };
    }
}
