package io.offlinestore.sync;

import io.offlinestore.ConfigurationException;
import io.offlinestore.OfflineStore;
import io.offlinestore.Subscription;
import io.offlinestore.query.Filter;
import io.offlinestore.sync.engine.SyncClient;
import java.time.Duration;
import java.util.List;

/**
 * Keeps a store's collections in sync with a server. Local writes made through the store's
 * ordinary API are found in its change log and pushed; server changes are pulled in checkpointed
 * pages and committed locally, each page with its checkpoint in one transaction. Conflicts are
 * settled by each collection's {@link ConflictStrategy} or {@link ConflictResolver}. All sync
 * state lives in the store itself (collections named {@code _sync_*}), so a killed process
 * resumes where its last commit left it.
 *
 * <pre>{@code
 * SyncEngine engine = SyncEngine.create(store, SyncOptions.builder()
 *         .serverUrl(URI.create("https://api.example.com")).collections("users", "orders")
 *         .conflictStrategy(ConflictStrategy.SERVER_WINS).build());
 * SyncResult result = engine.synchronize();
 * }</pre>
 */
public interface SyncEngine extends AutoCloseable {

    /** An engine for the store; nothing runs until {@link #synchronize()} or {@link #start()}. */
    static SyncEngine create(OfflineStore store, SyncOptions options) {
        return new SyncClient(store, options);
    }

    /** The options it was created with. */
    SyncOptions options();

    /** This store's client id, created on first use and kept in the store. */
    String clientId();

    /**
     * Syncs every interval from now on (the first right away), until {@link #stop()}. With a
     * {@link SyncOptions.Builder#connectivity connectivity monitor}, the periodic syncs are skipped
     * while it reports offline, and a sync is {@linkplain #requestSync() requested} each time it
     * comes back online.
     */
    void start();

    /**
     * Like {@link #start()}, every {@code interval} instead of the configured one; if already
     * started, from now on at this interval.
     *
     * @throws ConfigurationException if the interval is under one second
     */
    void start(Duration interval);

    /** Stops periodic syncing and stops following the connectivity monitor; a sync in progress finishes. */
    void stop();

    /** Whether {@link #start()} is in effect. */
    boolean isRunning();

    /**
     * Asks for a sync as soon as possible, without waiting (e.g. when connectivity returns);
     * does nothing if one is already queued.
     */
    void requestSync();

    /**
     * Pushes pending local changes, then pulls every collection's scope, now, on this thread.
     * Network failures do not throw: they are reported in the result and retried next time.
     */
    SyncResult synchronize();

    /**
     * Pushes the collection's pending changes and pulls only the documents matching
     * {@code scope}, with a checkpoint of its own (e.g. only the last month's orders first).
     */
    SyncResult partialSync(String collection, Filter scope);

    /** What the engine is doing and how much is pending. */
    SyncStatus status();

    /** The stored conflicts, oldest first. */
    List<Conflict> conflicts();

    /**
     * Settles a stored conflict; the document resumes syncing on the next sync.
     *
     * @throws SyncConflictNotFoundException if no stored conflict has that id
     */
    void resolveConflict(String conflictId, Resolution resolution);

    /**
     * Settles the conflicts of every synced collection with this strategy from now on, replacing
     * the configured ones until {@link #close()} (it is not stored). Collections with a custom
     * {@link ConflictResolver} keep it; conflicts already stored stay stored.
     */
    void conflictStrategy(ConflictStrategy strategy);

    /** The strategy a conflict of this collection is settled by now. */
    ConflictStrategy conflictStrategy(String collection);

    /** Calls the listener after each pulled page. */
    Subscription addProgressListener(SyncProgressListener listener);

    /** Stops the engine; the store stays open. */
    @Override
    void close();
}
