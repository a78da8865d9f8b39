package io.offlinestore.backend.memory;

import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.util.Objects;

/**
 * Provides the {@code memory} backend ({@code offline.backend=memory}). Each {@link #open} returns
 * a new, empty {@link MemoryBackend}; the config's path, durability and settings are ignored.
 */
public final class MemoryBackendProvider implements StorageBackendProvider {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public StorageBackend open(BackendConfig config) {
        Objects.requireNonNull(config, "config");
        return new MemoryBackend();
    }
}
