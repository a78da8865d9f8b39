package io.offlinestore.spi;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Durability;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backend is opened with: where its files go, the database name, the durability asked
 * for, and backend-specific settings ({@code offline.settings.*} in a config file).
 *
 * One store per directory: file backends lock {@code path} as a whole
 * ({@link DirectoryLock}), so two stores never share a directory, whatever their names.
 *
 * @param path         the directory for the backend's files; null for backends that keep none
 * @param databaseName the store's name, which a backend may use to name its files inside
 *                     {@code path} (and in messages)
 * @param durability   whether a commit must reach disk before it returns
 * @param settings     backend-specific settings by key
 */
public record BackendConfig(Path path, String databaseName, Durability durability, Map<String, String> settings) {

    public BackendConfig {
        Objects.requireNonNull(databaseName, "databaseName");
        Objects.requireNonNull(durability, "durability");
        settings = Map.copyOf(settings);
    }

    /** The path, or a {@link ConfigurationException} saying that {@code backend} needs one. */
    public Path requirePath(String backend) {
        if (path == null) {
            throw new ConfigurationException("backend '" + backend + "' stores files and needs a path (offline.path)");
        }
        return path;
    }

    /** A backend-specific setting. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
