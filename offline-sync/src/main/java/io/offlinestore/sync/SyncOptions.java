package io.offlinestore.sync;

import io.offlinestore.ConfigurationException;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link SyncEngine} syncs: the server (a URL, or a {@link SyncTransport}), the collections
 * and their scopes, the conflict strategy per collection, the interval and batch sizes. Immutable;
 * built with {@link #builder()}, which fails fast on a bad value, or read from a store's config
 * settings with {@link #load(StoreOptions)}.
 */
public final class SyncOptions {
    private final URI serverUrl;
    private final String token;
    private final SyncTransport transport;
    private final List<String> collections;
    private final Map<String, Filter> scopes;
    private final Duration interval;
    private final ConflictStrategy conflictStrategy;
    private final Map<String, ConflictStrategy> strategies;
    private final ConflictResolver resolver;
    private final Map<String, ConflictResolver> resolvers;
    private final ConflictStrategy mergeFallback;
    private final int batchSize;
    private final int pageSize;
    private final Clock clock;
    private final ConnectivityMonitor connectivity;

    private SyncOptions(Builder b) {
        this.serverUrl = b.serverUrl;
        this.token = b.token;
        this.transport = b.transport;
        this.collections = List.copyOf(b.collections);
        this.scopes = Map.copyOf(b.scopes);
        this.interval = b.interval;
        this.conflictStrategy = b.conflictStrategy;
        this.strategies = Map.copyOf(b.strategies);
        this.resolver = b.resolver;
        this.resolvers = Map.copyOf(b.resolvers);
        this.mergeFallback = b.mergeFallback;
        this.batchSize = b.batchSize;
        this.pageSize = b.pageSize;
        this.clock = b.clock;
        this.connectivity = b.connectivity;
    }

    /** A builder with the defaults: server-wins, every 5 minutes, batches and pages of 100. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder from the store's config settings ({@code settings} of the config file):
     * {@code sync.server-url}, {@code sync.token}, {@code sync.collections} (comma-separated), {@code sync.interval}
     * (ISO-8601, e.g. {@code PT5M}), {@code sync.conflict-strategy},
     * {@code sync.strategies.<collection>}, {@code sync.scopes.<collection>} (a JSON filter),
     * {@code sync.merge-fallback}, {@code sync.batch-size}, {@code sync.page-size}.
     *
     * @throws ConfigurationException naming the key whose value is unusable
     */
    public static Builder load(StoreOptions store) {
        Builder builder = builder();
        List<Map.Entry<String, String>> settings = store.settings().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> !e.getKey().equals("sync.collections"))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        for (Map.Entry<String, String> setting : settings) {
            String key = setting.getKey();
            String value = setting.getValue();
            if (!key.startsWith("sync.")) {
                continue;
            }
            try {
                apply(builder, key.substring("sync.".length()), value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ConfigurationException("setting '" + key + "': " + e.getMessage(), e);
            } catch (ConfigurationException e) {
                throw new ConfigurationException("setting '" + key + "': " + e.getMessage(), e);
            }
        }
        return builder;
    }

    private static void apply(Builder builder, String key, String value) {
        if (key.startsWith("strategies.")) {
            builder.conflictStrategy(key.substring("strategies.".length()), ConflictStrategy.parse(value));
        } else if (key.startsWith("scopes.")) {
            builder.scope(key.substring("scopes.".length()), Filters.parse(value));
        } else {
            switch (key) {
                case "server-url" -> builder.serverUrl(URI.create(value));
                case "token" -> builder.token(value);
                case "collections" -> builder.collections(Arrays.stream(value.split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new));
                case "interval" -> builder.interval(Duration.parse(value));
                case "conflict-strategy" -> builder.conflictStrategy(ConflictStrategy.parse(value));
                case "merge-fallback" -> builder.mergeFallback(ConflictStrategy.parse(value));
                case "batch-size" -> builder.batchSize(Integer.parseInt(value));
                case "page-size" -> builder.pageSize(Integer.parseInt(value));
                default -> throw new ConfigurationException("not a sync setting (known: server-url, token, collections, "
                        + "interval, conflict-strategy, strategies.<collection>, scopes.<collection>, merge-fallback, "
                        + "batch-size, page-size)");
            }
        }
    }

    /** The server's base URL, if one was given. */
    public Optional<URI> serverUrl() {
        return Optional.ofNullable(serverUrl);
    }

    /** The bearer token sent to the server over HTTP, if any. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The transport given instead of HTTP, if any. */
    public Optional<SyncTransport> transport() {
        return Optional.ofNullable(transport);
    }

    /** The collections synced, in the order given. */
    public List<String> collections() {
        return collections;
    }

    /** The scope pulled for a collection: its filter, or empty for every document. */
    public Optional<Filter> scope(String collection) {
        return Optional.ofNullable(scopes.get(collection));
    }

    /** How often {@link SyncEngine#start()} syncs. */
    public Duration interval() {
        return interval;
    }

    /** The strategy of a collection. */
    public ConflictStrategy conflictStrategy(String collection) {
        return strategies.getOrDefault(collection, conflictStrategy);
    }

    /** The custom resolver of a collection, if one replaces its strategy. */
    public Optional<ConflictResolver> conflictResolver(String collection) {
        return Optional.ofNullable(resolvers.getOrDefault(collection, resolver));
    }

    /** The side a merge takes for a field changed on both sides (CLIENT_WINS or SERVER_WINS). */
    public ConflictStrategy mergeFallback() {
        return mergeFallback;
    }

    /** At most this many documents per push. */
    public int batchSize() {
        return batchSize;
    }

    /** At most this many documents per pulled page. */
    public int pageSize() {
        return pageSize;
    }

    /** The clock for status times (never used to decide anything). */
    public Clock clock() {
        return clock;
    }

    /**
     * The monitor {@link SyncEngine#start()} follows, if one was given: periodic syncs are skipped
     * while it reports offline, and a sync starts as soon as it reports online again.
     */
    public Optional<ConnectivityMonitor> connectivity() {
        return Optional.ofNullable(connectivity);
    }

    /** Builds {@link SyncOptions}; every setter fails fast on a bad value. */
    public static final class Builder {
        private URI serverUrl;
        private String token;
        private SyncTransport transport;
        private final Set<String> collections = new LinkedHashSet<>();
        private final Map<String, Filter> scopes = new LinkedHashMap<>();
        private Duration interval = Duration.ofMinutes(5);
        private ConflictStrategy conflictStrategy = ConflictStrategy.SERVER_WINS;
        private final Map<String, ConflictStrategy> strategies = new LinkedHashMap<>();
        private ConflictResolver resolver;
        private final Map<String, ConflictResolver> resolvers = new LinkedHashMap<>();
        private ConflictStrategy mergeFallback = ConflictStrategy.SERVER_WINS;
        private int batchSize = 100;
        private int pageSize = 100;
        private Clock clock = Clock.systemUTC();
        private ConnectivityMonitor connectivity;

        private Builder() {
        }

        /** The server's base URL (HTTP or HTTPS). */
        public Builder serverUrl(URI url) {
            Objects.requireNonNull(url, "url");
            if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                throw new ConfigurationException("sync server URL must be http or https, got '" + url + "'");
            }
            this.serverUrl = url;
            return this;
        }

        /** A bearer token for the HTTP server ({@code Authorization: Bearer <token>}). */
        public Builder token(String token) {
            if (token == null || token.isBlank()) {
                throw new ConfigurationException("sync token must not be blank");
            }
            this.token = token;
            return this;
        }

        /** Talks to the server through this transport instead of HTTP. */
        public Builder transport(SyncTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Adds collections to sync. */
        public Builder collections(String... names) {
            for (String name : names) {
                if (name == null || !name.matches("[A-Za-z0-9_\\-]{1,64}") || name.startsWith("_sync_")) {
                    throw new ConfigurationException("cannot sync collection '" + name
                            + "': names are 1 to 64 letters, digits, '_' or '-', and '_sync_*' are sync's own");
                }
                collections.add(name);
            }
            return this;
        }

        /** Pulls only the documents of the collection that match the filter (partial sync). */
        public Builder scope(String collection, Filter filter) {
            collections(collection);
            scopes.put(collection, Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /** How often {@link SyncEngine#start()} syncs (at least one second). */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ConfigurationException("sync interval must be at least 1 second, got " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** The strategy of every collection without its own. */
        public Builder conflictStrategy(ConflictStrategy strategy) {
            this.conflictStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** The strategy of one collection. */
        public Builder conflictStrategy(String collection, ConflictStrategy strategy) {
            strategies.put(Objects.requireNonNull(collection, "collection"), Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** A resolver that decides every collection's conflicts, replacing the strategies. */
        public Builder conflictResolver(ConflictResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** A resolver that decides one collection's conflicts. */
        public Builder conflictResolver(String collection, ConflictResolver resolver) {
            resolvers.put(Objects.requireNonNull(collection, "collection"), Objects.requireNonNull(resolver, "resolver"));
            return this;
        }

        /** The side a {@link ConflictStrategy#MERGE} takes for a field changed on both sides. */
        public Builder mergeFallback(ConflictStrategy side) {
            if (side != ConflictStrategy.CLIENT_WINS && side != ConflictStrategy.SERVER_WINS) {
                throw new ConfigurationException("merge fallback must be client-wins or server-wins, got " + side);
            }
            this.mergeFallback = side;
            return this;
        }

        /** At most this many documents per push (1 to 10,000). */
        public Builder batchSize(int size) {
            this.batchSize = range(size, "batch size");
            return this;
        }

        /** At most this many documents per pulled page (1 to 10,000). */
        public Builder pageSize(int size) {
            this.pageSize = range(size, "page size");
            return this;
        }

        /** The clock for status times; never used to decide an outcome. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Follows this monitor once {@link SyncEngine#start() started}: no periodic sync is
         * attempted while it reports offline, and one starts when it comes back online. The
         * engine only listens; starting and stopping the monitor's checks is the caller's.
         */
        public Builder connectivity(ConnectivityMonitor monitor) {
            this.connectivity = Objects.requireNonNull(monitor, "monitor");
            return this;
        }

        private static int range(int value, String what) {
            if (value < 1 || value > 10_000) {
                throw new ConfigurationException(what + " must be between 1 and 10000, got " + value);
            }
            return value;
        }

        /**
         * The options.
         *
         * @throws ConfigurationException if neither a server URL nor a transport was given, or no collection
         */
        public SyncOptions build() {
            if (serverUrl == null && transport == null) {
                throw new ConfigurationException("sync needs a server URL or a transport");
            }
            if (collections.isEmpty()) {
                throw new ConfigurationException("sync needs at least one collection");
            }
            for (String named : strategies.keySet()) {
                if (!collections.contains(named)) {
                    throw new ConfigurationException("conflict strategy given for '" + named
                            + "', which is not a synced collection " + collections);
                }
            }
            return new SyncOptions(this);
        }
    }
}
