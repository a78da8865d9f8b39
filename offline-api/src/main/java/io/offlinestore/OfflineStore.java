package io.offlinestore;

import io.offlinestore.encryption.KeyProvider;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.spi.OfflineStoreFactory;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An open document store: named collections of JSON documents over one storage backend. Open
 * it with {@link #open(StoreOptions)} and close it when done; it is safe for use by many
 * threads.
 */
public interface OfflineStore extends AutoCloseable {

    /**
     * Opens (creating if needed) the store the options describe, with the engine found on the
     * classpath.
     *
     * @throws BackendNotFoundException if no backend has the configured name
     * @throws ConfigurationException if no engine is on the classpath or an option is unusable
     */
    static OfflineStore open(StoreOptions options) {
        Iterator<OfflineStoreFactory> factories = ServiceLoader.load(OfflineStoreFactory.class).iterator();
        if (!factories.hasNext()) {
            throw new ConfigurationException("no Offline Store engine on the classpath: add the offline-engine module");
        }
        return factories.next().open(options);
    }

    /**
     * The collection with this name. A collection not declared in the options exists once it is
     * first written, with no secondary indexes.
     */
    DocumentCollection collection(String name);

    /** The collection with this name, its documents mapped to and from {@code type} with Jackson. */
    <T> TypedCollection<T> collection(String name, Class<T> type);

    /** The names of the collections declared or holding documents, sorted. */
    Set<String> collectionNames();

    /** The schemas of the collections, declared or implicit, sorted by name. */
    List<CollectionSchema> schemas();

    /**
     * Begins a transaction over the named collections (over any collection when none are named).
     * Close it, or commit or roll it back; closing an uncommitted transaction rolls it back.
     */
    Transaction beginTransaction(String... collections);

    /**
     * Runs {@code work} in a transaction and commits it; rolls back if it throws; on a
     * {@link TransactionConflictException} runs it again after a random pause that grows
     * exponentially with each conflict, for up to {@link StoreOptions#transactionTimeout()}
     * (and at most {@link StoreOptions#transactionRetries()} retries, when set). Then it throws a
     * {@link TransactionConflictException} saying how many attempts were made over how long.
     */
    void inTransaction(Consumer<Transaction> work);

    /** As {@link #inTransaction}, returning what {@code work} returns from its committed run. */
    <T> T callInTransaction(Function<Transaction, T> work);

    /** Every change not yet marked synchronized, in commit order. */
    List<Change> getChanges();

    /** The unsynchronized changes of one collection, in commit order. */
    List<Change> getChanges(String collection);

    /**
     * A page of the unsynchronized changes with a sequence greater than {@code afterSequence}, in
     * commit order. A page never splits a commit: it holds {@code limit} changes and then the
     * rest of the last commit begun, so a page may exceed {@code limit} when one commit holds
     * more changes. Paging by the last change's {@link Change#sequence()} therefore sees every
     * change once. A limit of 0 returns an empty page.
     */
    List<Change> getChanges(long afterSequence, int limit);

    /**
     * Marks changes synchronized: they are no longer returned, and are pruned once older than
     * the configured retention. Changes already marked, or unknown, are ignored.
     */
    void markSynchronized(Collection<Change> changes);

    /** Calls the listener for every committed change of every collection. */
    Subscription addChangeListener(ChangeListener listener);

    /** Calls the listener for every committed change of one collection. */
    Subscription addChangeListener(String collection, ChangeListener listener);

    /**
     * Walks every document and index entry and reports any disagreement: an index entry without
     * its document or with values the document no longer has, a document missing from an index,
     * a record that cannot be read. Commits wait while it runs, so it reports on one committed
     * state.
     */
    IntegrityReport check();

    /** How much each collection holds. */
    StorageInfo storageInfo();

    /** The read cache's hits, misses, evictions and weight per collection since open. */
    CacheStats cacheStats();

    /**
     * Sets a collection's eviction policy, stored in the catalog so it holds across reopen (a
     * policy declared in the options replaces it at the next open). It applies from the next
     * eviction pass.
     */
    void setEvictionPolicy(String collection, EvictionPolicy policy);

    /**
     * Runs an eviction pass now: each collection's policy, then the store's size limit with its
     * {@link StoreOptions#evictionStrategy()}. Documents with unsynchronized changes, or protected
     * by a {@code restrict} relationship, stay. Evictions write no change records; listeners hear
     * them as {@link Change.Operation#EVICTED}.
     */
    EvictionResult evict();

    /**
     * Removes every document and index entry of the collections, in one commit, writing no change
     * record (listeners hear {@link Change.Operation#EVICTED}).
     *
     * @throws ConstraintViolationException if a collection has unsynchronized changes; nothing is cleared
     */
    void clear(String... collections);

    /**
     * As {@link #clear(String...)}; with {@link ClearOptions#discardPending()} the collections'
     * unsynchronized changes are dropped from the change log in the same commit.
     */
    void clear(ClearOptions options, String... collections);

    /**
     * Asks the backend to reclaim the space of deleted entries.
     *
     * @return the bytes reclaimed as far as the store can tell: the shrinking of its files for a
     *         backend on disk, 0 when it cannot tell
     */
    long compact();

    /**
     * Re-wraps the store's keys with a new key provider; no data is rewritten.
     *
     * @throws ConfigurationException if the store has no encryption
     */
    void changeKeyProvider(KeyProvider newProvider);

    /** Re-wraps the store's keys with a new passphrase; no data is rewritten. */
    void changePassphrase(char[] newPassphrase);

    /**
     * Adds a new primary key for sensitive fields: new writes use it, old values stay readable.
     * Run {@link #reencrypt} afterwards to re-seal old values with it.
     */
    void rotateKeys();

    /**
     * Re-seals, in batches, every sensitive value not sealed with the current primary key (and
     * seals sensitive values written before encryption was enabled). Each batch commits
     * atomically with its progress, so after a crash calling it again resumes where it stopped.
     *
     * @param progress told after each batch
     * @return how many documents were scanned and re-sealed
     */
    ReencryptionProgress reencrypt(Consumer<ReencryptionProgress> progress);

    /** The options the store was opened with. */
    StoreOptions options();

    /** Closes the store and its backend; further calls fail. A second close does nothing. */
    @Override
    void close();
}
