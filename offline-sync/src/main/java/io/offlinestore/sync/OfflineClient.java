package io.offlinestore.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.offlinestore.ConfigurationException;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.client.ReadInfo;
import io.offlinestore.sync.client.internal.ClientInvocationHandler;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes an API client offline-aware: wraps an interface's real implementation in a proxy whose
 * {@link CachedRead} methods are answered from a persistent cache in the store when fresh or when
 * offline, and whose {@link QueuedWrite} methods are queued in an {@link OperationQueue} when
 * offline or when the call fails with a network error ({@link java.io.IOException}), then replayed
 * on the implementation when the queue runs. Other methods are called through. Arguments and
 * results are mapped with Jackson, for cache keys, for the cache and for queued calls.
 */
public final class OfflineClient {
    /** The collection cached read results are kept in unless told otherwise. */
    public static final String DEFAULT_CACHE_COLLECTION = "offline_client_cache";
    /** The collection the queue of the {@link #wrap} shortcut is kept in. */
    public static final String DEFAULT_QUEUE_COLLECTION = "offline_client_queue";

    private OfflineClient() {
    }

    /**
     * Wraps {@code implementation}, caching reads in {@code store} and queueing writes in a queue
     * of its own in {@link #DEFAULT_QUEUE_COLLECTION}, which runs when {@code monitor} comes back
     * online. Use {@link #builder} to share an application's queue instead.
     *
     * @throws ConfigurationException if {@code api} is not an interface or an annotation is misused
     */
    public static <T> T wrap(Class<T> api, T implementation, OfflineStore store, ConnectivityMonitor monitor) {
        return builder(api, implementation).store(store).monitor(monitor).build();
    }

    /** A builder of a proxy of {@code api} over {@code implementation}. */
    public static <T> Builder<T> builder(Class<T> api, T implementation) {
        return new Builder<>(api, implementation);
    }

    /**
     * Where the last {@link CachedRead} call on the current thread was answered from: the
     * network, a fresh cache entry, or a stale one served because the network was unavailable.
     */
    public static Optional<ReadInfo> lastRead() {
        return ClientInvocationHandler.lastRead();
    }

    /**
     * Builds an offline-aware proxy.
     *
     * @param <T> the API interface
     */
    public static final class Builder<T> {
        private final Class<T> api;
        private final T implementation;
        private OfflineStore store;
        private ConnectivityMonitor monitor;
        private OperationQueue queue;
        private String cacheCollection = DEFAULT_CACHE_COLLECTION;
        private ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        private Clock clock = Clock.systemUTC();

        private Builder(Class<T> api, T implementation) {
            this.api = Objects.requireNonNull(api, "api");
            this.implementation = Objects.requireNonNull(implementation, "implementation");
        }

        /** The store for the read cache (required). */
        public Builder<T> store(OfflineStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The monitor that says whether to try the network (required). */
        public Builder<T> monitor(ConnectivityMonitor monitor) {
            this.monitor = Objects.requireNonNull(monitor, "monitor");
            return this;
        }

        /**
         * The queue for writes; the proxy registers a handler for each {@link QueuedWrite#type()}.
         * Without one, a queue is opened in {@link #DEFAULT_QUEUE_COLLECTION} and attached to the monitor.
         */
        public Builder<T> queue(OperationQueue queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
            return this;
        }

        /** The collection to cache read results in. */
        public Builder<T> cacheCollection(String collection) {
            this.cacheCollection = Objects.requireNonNull(collection, "collection");
            return this;
        }

        /** The Jackson mapper for arguments and results (default: one with the modules found on the classpath). */
        public Builder<T> mapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** The clock cached results age by. */
        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The proxy.
         *
         * @throws ConfigurationException if the store or monitor is missing, or an annotation is misused
         */
        public T build() {
            if (store == null || monitor == null) {
                throw new ConfigurationException("an OfflineClient needs a store and a connectivity monitor");
            }
            OperationQueue writes = queue;
            if (writes == null) {
                writes = OperationQueue.open(store, QueueOptions.builder().collection(DEFAULT_QUEUE_COLLECTION).build());
                writes.attach(monitor);
            }
            return ClientInvocationHandler.proxy(api, implementation, store, cacheCollection, monitor, writes, mapper, clock);
        }
    }
}
