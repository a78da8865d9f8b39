package io.offlinestore;

import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.internal.OptionsLoader;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.SchemaMigration;
import io.offlinestore.spi.StorageBackendProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to open a store: which backend, where, under what name and version, with which declared
 * collections. Immutable; built with {@link #builder()}, whose setters reject a bad value at
 * once, or loaded from a YAML, JSON or properties file with {@link #load(Path)}.
 */
public final class StoreOptions {
    private final String backend;
    private final StorageBackendProvider backendProvider;
    private final Path path;
    private final String databaseName;
    private final int version;
    private final Durability durability;
    private final Map<String, CollectionSchema> collections;
    private final Map<String, String> settings;
    private final List<String> collectionOrder;
    private final int transactionRetries;
    private final Duration transactionTimeout;
    private final Duration changeRetention;
    private final EncryptionOptions encryption;
    private final List<SchemaMigration> migrations;
    private final Path migrationsDirectory;
    private final boolean allowDowngrade;
    private final boolean migrateOnOpen;
    private final long sizeLimit;
    private final EvictionStrategy evictionStrategy;
    private final Duration evictionInterval;
    private final long cacheSize;

    private StoreOptions(Builder b) {
        this.backend = b.backend;
        this.backendProvider = b.backendProvider;
        this.path = b.path;
        this.databaseName = b.databaseName;
        this.version = b.version;
        this.durability = b.durability;
        this.collections = Map.copyOf(b.collections);
        this.settings = Map.copyOf(b.settings);
        this.collectionOrder = List.copyOf(b.collections.keySet());
        this.transactionRetries = b.transactionRetries;
        this.transactionTimeout = b.transactionTimeout;
        this.changeRetention = b.changeRetention;
        this.encryption = b.encryption;
        this.migrations = List.copyOf(b.migrations);
        this.migrationsDirectory = b.migrationsDirectory;
        this.allowDowngrade = b.allowDowngrade;
        this.migrateOnOpen = b.migrateOnOpen;
        this.sizeLimit = b.sizeLimit;
        this.evictionStrategy = b.evictionStrategy;
        this.evictionInterval = b.evictionInterval;
        this.cacheSize = b.cacheSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads options from a {@code .yaml}/{@code .yml}, {@code .json} or {@code .properties}
     * file with namespaced keys ({@code offline.backend}, {@code offline.path}, ...). A relative
     * {@code offline.path} is resolved against the file's directory.
     *
     * @throws ConfigurationException naming the file and the key at fault
     */
    public static StoreOptions load(Path file) {
        return OptionsLoader.load(file).build();
    }

    /**
     * A builder holding the options of a file (as {@link #load}), for callers that override or
     * complete some of them (a command line's {@code --backend}, say) before building.
     */
    public static Builder loadBuilder(Path file) {
        return OptionsLoader.load(file);
    }

    /** The backend's name, e.g. {@code "memory"}. */
    public String backend() {
        return backend;
    }

    /** The backend provider given explicitly, bypassing discovery by name. */
    public Optional<StorageBackendProvider> backendProvider() {
        return Optional.ofNullable(backendProvider);
    }

    /** The directory the backend keeps its files in, if one was given. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    public String databaseName() {
        return databaseName;
    }

    /** The schema version the application expects (used by migrations). */
    public int version() {
        return version;
    }

    public Durability durability() {
        return durability;
    }

    /** The declared collections, in declaration order. */
    public List<CollectionSchema> collections() {
        return collectionOrder.stream().map(collections::get).toList();
    }

    /** The declared schema of a collection. */
    public Optional<CollectionSchema> collection(String name) {
        return Optional.ofNullable(collections.get(name));
    }

    /** Backend-specific settings. */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * The most times {@code inTransaction} retries a block after a conflict; unlimited
     * ({@link Integer#MAX_VALUE}) unless set, the {@link #transactionTimeout()} bounding it.
     */
    public int transactionRetries() {
        return transactionRetries;
    }

    /**
     * How long {@code inTransaction} keeps retrying a block that meets conflicts, backing off
     * between attempts, before it gives up (default 10 seconds).
     */
    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    /** How long changes marked synchronized are kept before they are pruned. */
    public Duration changeRetention() {
        return changeRetention;
    }

    /** Field-level encryption, when enabled. */
    public Optional<EncryptionOptions> encryption() {
        return Optional.ofNullable(encryption);
    }

    /** The migrations given in code, in the order given (the runner sorts them by version). */
    public List<SchemaMigration> migrations() {
        return migrations;
    }

    /** The directory of declarative migrations ({@code V2__add_preferences.yaml}), if one was given. */
    public Optional<Path> migrationsDirectory() {
        return Optional.ofNullable(migrationsDirectory);
    }

    /** Whether opening at a version lower than the stored one runs the {@code down} migrations. */
    public boolean allowDowngrade() {
        return allowDowngrade;
    }

    /** Whether opening runs the pending migrations (default); off for tools that only inspect them. */
    public boolean migrateOnOpen() {
        return migrateOnOpen;
    }

    /**
     * The most bytes of documents the store holds (the encoded size of each document's key and
     * record; indexes, the change log and the backend's own overhead are not counted), if set.
     */
    public OptionalLong sizeLimit() {
        return sizeLimit == 0 ? OptionalLong.empty() : OptionalLong.of(sizeLimit);
    }

    /** What happens when a write would pass the {@link #sizeLimit()} (default {@link EvictionStrategy#NONE}). */
    public EvictionStrategy evictionStrategy() {
        return evictionStrategy;
    }

    /** How often an eviction pass runs in the background, if at all. */
    public Optional<Duration> evictionInterval() {
        return Optional.ofNullable(evictionInterval);
    }

    /**
     * The bound, in encoded document bytes, of the read cache collections share by default;
     * 0 when caching is off.
     */
    public long cacheSize() {
        return cacheSize;
    }

    /** The configuration handed to the backend. */
    public BackendConfig backendConfig() {
        return new BackendConfig(path, databaseName, durability, settings);
    }

    /** A builder holding these options, to derive changed ones. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.backend = backend;
        b.backendProvider = backendProvider;
        b.path = path;
        b.databaseName = databaseName;
        b.version = version;
        b.durability = durability;
        collections().forEach(c -> b.collections.put(c.name(), c));
        b.settings.putAll(settings);
        b.transactionRetries = transactionRetries;
        b.transactionTimeout = transactionTimeout;
        b.changeRetention = changeRetention;
        b.encryption = encryption;
        b.migrations.addAll(migrations);
        b.migrationsDirectory = migrationsDirectory;
        b.allowDowngrade = allowDowngrade;
        b.migrateOnOpen = migrateOnOpen;
        b.sizeLimit = sizeLimit;
        b.evictionStrategy = evictionStrategy;
        b.evictionInterval = evictionInterval;
        b.cacheSize = cacheSize;
        return b;
    }

    @Override
    public String toString() {
        return "StoreOptions{backend=" + backend + ", path=" + path + ", databaseName=" + databaseName
                + ", version=" + version + ", durability=" + durability + ", collections=" + collectionOrder + "}";
    }

    /** Builds {@link StoreOptions}; each setter fails fast on a bad value. */
    public static final class Builder {
        private String backend;
        private StorageBackendProvider backendProvider;
        private Path path;
        private String databaseName = "offline";
        private int version = 1;
        private Durability durability = Durability.SYNC;
        private final Map<String, CollectionSchema> collections = new LinkedHashMap<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private int transactionRetries = Integer.MAX_VALUE;
        private Duration transactionTimeout = Duration.ofSeconds(10);
        private Duration changeRetention = Duration.ofDays(7);
        private EncryptionOptions encryption;
        private final List<SchemaMigration> migrations = new ArrayList<>();
        private Path migrationsDirectory;
        private boolean allowDowngrade;
        private boolean migrateOnOpen = true;
        private long sizeLimit;
        private EvictionStrategy evictionStrategy = EvictionStrategy.NONE;
        private Duration evictionInterval;
        private long cacheSize = defaultCacheSize();

        private Builder() {
        }

        /** The backend by name, as its provider declares it ({@code memory}, {@code h2}, {@code mapdb}, ...). */
        public Builder backend(String name) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("backend name must not be blank");
            }
            if (backendProvider != null && !backendProvider.name().equals(name)) {
                throw new ConfigurationException("backend '" + name + "' conflicts with the provider already set, '"
                        + backendProvider.name() + "'");
            }
            this.backend = name;
            return this;
        }

        /** A backend provider given directly: no discovery, and its name becomes the backend name. */
        public Builder backend(StorageBackendProvider provider) {
            Objects.requireNonNull(provider, "provider");
            if (backend != null && !backend.equals(provider.name())) {
                throw new ConfigurationException("provider '" + provider.name() + "' conflicts with backend '"
                        + backend + "' already set");
            }
            this.backendProvider = provider;
            this.backend = provider.name();
            return this;
        }

        /** The directory for the backend's files. */
        public Builder path(Path path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        public Builder databaseName(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_\\-]{1,64}")) {
                throw new ConfigurationException("database name '" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
            }
            this.databaseName = name;
            return this;
        }

        /** The schema version, at least 1. */
        public Builder version(int version) {
            if (version < 1) {
                throw new ConfigurationException("version must be at least 1, got " + version);
            }
            this.version = version;
            return this;
        }

        public Builder durability(Durability durability) {
            this.durability = Objects.requireNonNull(durability, "durability");
            return this;
        }

        /** Declares a collection; declaring the same name twice is an error. */
        public Builder collection(CollectionSchema schema) {
            Objects.requireNonNull(schema, "schema");
            if (collections.putIfAbsent(schema.name(), schema) != null) {
                throw new ConfigurationException("collection '" + schema.name() + "' is declared twice");
            }
            return this;
        }

        /**
         * The most times {@code inTransaction} retries after a conflict (at least 0; by default
         * no cap but the {@linkplain #transactionTimeout timeout}).
         */
        public Builder transactionRetries(int retries) {
            if (retries < 0) {
                throw new ConfigurationException("transaction retries must not be negative, got " + retries);
            }
            this.transactionRetries = retries;
            return this;
        }

        /**
         * How long {@code inTransaction} retries a conflicting block, with randomized exponential
         * backoff between attempts, before it throws (default 10 seconds; must be positive).
         */
        public Builder transactionTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new ConfigurationException("transaction timeout must be positive, got " + timeout);
            }
            this.transactionTimeout = timeout;
            return this;
        }

        /** How long synchronized changes are kept before pruning (default 7 days). */
        public Builder changeRetention(Duration retention) {
            if (retention == null || retention.isNegative()) {
                throw new ConfigurationException("change retention must be zero or positive, got " + retention);
            }
            this.changeRetention = retention;
            return this;
        }

        /** Enables field-level encryption. */
        public Builder encryption(EncryptionOptions options) {
            this.encryption = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The migrations to the {@link #version(int) version}, replacing any set before; they run
         * at open with the migrations module on the classpath.
         */
        public Builder migrations(List<? extends SchemaMigration> list) {
            Objects.requireNonNull(list, "migrations");
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    throw new ConfigurationException("migration " + i + " of the list is null");
                }
            }
            migrations.clear();
            migrations.addAll(list);
            return this;
        }

        /** A directory of declarative YAML or JSON migrations ({@code offline.migrations.directory}). */
        public Builder migrationsDirectory(Path directory) {
            this.migrationsDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Lets an open at a lower version run the {@code down} migrations ({@code offline.migrations.allow-downgrade}). */
        public Builder allowDowngrade(boolean allow) {
            this.allowDowngrade = allow;
            return this;
        }

        /** Whether open runs pending migrations ({@code offline.migrations.run-at-open}, default true). */
        public Builder migrateOnOpen(boolean migrate) {
            this.migrateOnOpen = migrate;
            return this;
        }

        /**
         * The most bytes of documents the store may hold ({@code offline.size-limit: 512MB}); a
         * write past it evicts by the {@link #evictionStrategy} or fails with
         * {@link StorageQuotaExceededException}.
         */
        public Builder sizeLimit(long bytes) {
            if (bytes <= 0) {
                throw new ConfigurationException("size limit must be positive, got " + bytes);
            }
            this.sizeLimit = bytes;
            return this;
        }

        /** What a write past the size limit does ({@code offline.eviction-strategy: lru}; default none). */
        public Builder evictionStrategy(EvictionStrategy strategy) {
            this.evictionStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Runs an eviction pass in the background this often ({@code offline.eviction-interval: 10m}). */
        public Builder evictionInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new ConfigurationException("eviction interval must be positive, got " + interval);
            }
            this.evictionInterval = interval;
            return this;
        }

        /**
         * The bound of the read cache, in encoded bytes of the documents it holds
         * ({@code offline.cache-size}); 0 turns caching off for every collection. By default a
         * thirty-second of the maximum heap: decoded documents take a few times their encoded
         * size.
         */
        public Builder cacheSize(long bytes) {
            if (bytes < 0) {
                throw new ConfigurationException("cache size must be zero (off) or positive, got " + bytes);
            }
            this.cacheSize = bytes;
            return this;
        }

        private static long defaultCacheSize() {
            return Runtime.getRuntime().maxMemory() / 32;
        }

        /** A backend-specific setting. */
        public Builder setting(String key, String value) {
            if (key == null || key.isBlank()) {
                throw new ConfigurationException("setting key must not be blank");
            }
            settings.put(key, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @throws ConfigurationException if no backend was chosen
         */
        public StoreOptions build() {
            if (backend == null) {
                throw new ConfigurationException("no backend chosen: set offline.backend (e.g. memory, h2, mapdb, derby)");
            }
            return new StoreOptions(this);
        }
    }
}
