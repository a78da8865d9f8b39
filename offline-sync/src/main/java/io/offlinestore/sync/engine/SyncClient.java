package io.offlinestore.sync.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.ConfigurationException;
import io.offlinestore.OfflineStore;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.Subscription;
import io.offlinestore.Transaction;
import io.offlinestore.query.Filter;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.ConflictStrategy;
import io.offlinestore.sync.Resolution;
import io.offlinestore.sync.SyncConflictNotFoundException;
import io.offlinestore.sync.SyncException;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncProgressListener;
import io.offlinestore.sync.SyncResult;
import io.offlinestore.sync.SyncStatus;
import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.protocol.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SyncEngine}: runs push rounds then pulls, one sync at a time. */
public final class SyncClient implements SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);
    private static final int MAX_ROUNDS = 1_000_000;

    private final SyncOptions options;
    private final SyncSession session;
    private final Pusher pusher;
    private final Puller puller;
    private final ConflictSettler settler;
    private final List<SyncProgressListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Object lock = new Object();
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> periodic;
    private Subscription reconnects;
    private volatile boolean syncing;
    private volatile Instant lastSync;
    private volatile String lastError;

    /** An engine without test hooks. */
    public SyncClient(OfflineStore store, SyncOptions options) {
        this(store, options, EngineHooks.NONE);
    }

    /** An engine with test hooks (commit boundaries, planted bugs). */
    public SyncClient(OfflineStore store, SyncOptions options, EngineHooks hooks) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(store, "store");
        SyncTransport transport = options.transport().orElseGet(() ->
                new HttpSyncTransport(options.serverUrl().orElseThrow(), options.token().orElse(null)));
        SyncLedger ledger = new SyncLedger(store);
        this.session = new SyncSession(store, options, ledger,
                new ChangeFeed(store, new LinkedHashSet<>(options.collections())), transport,
                ledger.clientId(hooks), hooks);
        this.settler = new ConflictSettler(session);
        this.pusher = new Pusher(session, settler);
        this.puller = new Puller(session);
    }

    @Override
    public SyncOptions options() {
        return options;
    }

    @Override
    public String clientId() {
        return session.clientId;
    }

    @Override
    public SyncResult synchronize() {
        List<Scope> scopes = options.collections().stream().map(c -> scope(c, options.scope(c).orElse(null))).toList();
        return run(collection -> true, scopes);
    }

    @Override
    public SyncResult partialSync(String collection, Filter scope) {
        if (!options.collections().contains(collection)) {
            throw new IllegalArgumentException("'" + collection + "' is not a synced collection " + options.collections());
        }
        return run(collection::equals, List.of(scope(collection, Objects.requireNonNull(scope, "scope"))));
    }

    private static Scope scope(String collection, Filter filter) {
        return new Scope(collection, filter == null ? null : (ObjectNode) filter.toJson());
    }

    private SyncResult run(Predicate<String> collections, List<Scope> scopes) {
        synchronized (lock) {
            syncing = true;
            int pushed = 0;
            int pulled = 0;
            int conflicts = 0;
            List<String> errors = new ArrayList<>();
            try {
                for (int round = 0; round < MAX_ROUNDS; round++) {
                    Pusher.Round result = pusher.round(collections);
                    pushed += result.pushed();
                    conflicts += result.conflicts();
                    if (!result.progress()) {
                        break;
                    }
                }
                for (Scope scope : scopes) {
                    pulled += puller.pull(scope, listeners);
                }
            } catch (OfflineStoreException e) {
                LOG.debug("sync failed", e);
                errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                syncing = false;
            }
            lastError = errors.isEmpty() ? null : errors.get(0);
            if (errors.isEmpty()) {
                lastSync = options.clock().instant();
            }
            return new SyncResult(pushed, pulled, conflicts, errors);
        }
    }

    @Override
    public void start() {
        start(options.interval());
    }

    @Override
    public void start(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException("sync interval must be at least 1 second, got " + interval);
        }
        synchronized (this) {
            if (periodic != null) {
                periodic.cancel(false);
            } else {
                reconnects = options.connectivity().map(monitor -> monitor.addListener((previous, current) -> {
                    if (current.isOnline()) {
                        requestSync();
                    }
                })).orElse(null);
            }
            periodic = executor().scheduleWithFixedDelay(this::runPeriodically, 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (reconnects != null) {
                reconnects.close();
                reconnects = null;
            }
            if (periodic != null) {
                periodic.cancel(false);
                periodic = null;
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return periodic != null;
    }

    @Override
    public void requestSync() {
        if (queued.compareAndSet(false, true)) {
            executor().execute(() -> {
                queued.set(false);
                runQuietly();
            });
        }
    }

    private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "offline-sync-" + session.clientId);
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    /** A periodic sync: skipped while offline (the reconnect listener starts one when the network returns). */
    private void runPeriodically() {
        if (offline()) {
            LOG.debug("periodic sync skipped: the connectivity monitor reports offline");
            return;
        }
        runQuietly();
    }

    private boolean offline() {
        return options.connectivity().map(monitor -> !monitor.isOnline()).orElse(false);
    }

    private void runQuietly() {
        try {
            synchronize();
        } catch (RuntimeException e) {
            LOG.warn("background sync failed", e);
            lastError = e.toString();
        }
    }

    @Override
    public SyncStatus status() {
        SyncStatus.State state = syncing ? SyncStatus.State.SYNCING
                : !isRunning() ? SyncStatus.State.STOPPED
                : offline() ? SyncStatus.State.OFFLINE : SyncStatus.State.IDLE;
        int pending = session.feed.pending(new LinkedHashSet<>(options.collections()), session.ledger).size();
        return new SyncStatus(state, lastSync, pending, session.ledger.conflicts().size(), lastError);
    }

    @Override
    public List<Conflict> conflicts() {
        return session.ledger.conflicts();
    }

    @Override
    public void resolveConflict(String conflictId, Resolution resolution) {
        Objects.requireNonNull(conflictId, "conflictId");
        Objects.requireNonNull(resolution, "resolution");
        synchronized (lock) {
            Optional<Conflict> conflict;
            try (Transaction tx = session.store.beginTransaction()) {
                conflict = session.ledger.conflict(tx, conflictId);
            }
            settler.resolveStored(conflict.orElseThrow(() -> new SyncConflictNotFoundException(conflictId)),
                    resolution);
        }
    }

    @Override
    public void conflictStrategy(ConflictStrategy strategy) {
        session.overrideStrategy(Objects.requireNonNull(strategy, "strategy"));
    }

    @Override
    public ConflictStrategy conflictStrategy(String collection) {
        if (!options.collections().contains(collection)) {
            throw new SyncException("'" + collection + "' is not a synced collection " + options.collections());
        }
        return session.strategy(collection);
    }

    @Override
    public Subscription addProgressListener(SyncProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        stop();
        synchronized (this) {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }
    }
}
