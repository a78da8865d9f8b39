package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.offlinestore.CacheStats;
import io.offlinestore.Change;
import io.offlinestore.ChangeListener;
import io.offlinestore.ClearOptions;
import io.offlinestore.ConfigurationException;
import io.offlinestore.ConstraintViolationException;
import io.offlinestore.DocumentCollection;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.EvictionResult;
import io.offlinestore.EvictionStrategy;
import io.offlinestore.IntegrityReport;
import io.offlinestore.OfflineStore;
import io.offlinestore.ReencryptionProgress;
import io.offlinestore.StorageException;
import io.offlinestore.StorageInfo;
import io.offlinestore.StorageQuotaExceededException;
import io.offlinestore.StoreOptions;
import io.offlinestore.Subscription;
import io.offlinestore.Transaction;
import io.offlinestore.TypedCollection;
import io.offlinestore.encryption.KeyProvider;
import io.offlinestore.engine.cache.BackendRecords;
import io.offlinestore.engine.cache.DocumentCache;
import io.offlinestore.engine.catalog.Catalog;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.engine.catalog.SchemaManager;
import io.offlinestore.engine.change.ChangeLog;
import io.offlinestore.engine.change.ChangeNotifier;
import io.offlinestore.engine.codec.DocumentCodec;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.crypto.DocumentTransform;
import io.offlinestore.engine.crypto.FieldCrypto;
import io.offlinestore.engine.crypto.StoredKeys;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.evict.AccessRecorder;
import io.offlinestore.engine.evict.EvictionScheduler;
import io.offlinestore.engine.evict.Evictor;
import io.offlinestore.engine.evict.UsageTracker;
import io.offlinestore.engine.id.IdGenerator;
import io.offlinestore.engine.maintenance.IntegrityChecker;
import io.offlinestore.engine.maintenance.Reencryption;
import io.offlinestore.engine.plan.CollectionQuery;
import io.offlinestore.engine.plan.PlanCache;
import io.offlinestore.engine.plan.PlanExecutor;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.engine.tx.CommitPipeline;
import io.offlinestore.engine.tx.CommitSequence;
import io.offlinestore.engine.tx.PendingGroup;
import io.offlinestore.engine.tx.SizeDelta;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.UntrackedWrites;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link OfflineStore}: owns the backend, the catalog and the write lock. Writes
 * are validated one at a time: each runs as one {@link Commit} under the lock against the
 * backend as the {@link CommitPipeline} shows it, then waits outside the lock until the pipeline
 * has written its group (group commit). Reads take no lock and see written commits only. Its
 * {@link UntrackedWrites} serve passes such as migrations that write no change records.
 */
public final class EngineOfflineStore implements OfflineStore, UntrackedWrites {
    private static final Logger LOG = LoggerFactory.getLogger(EngineOfflineStore.class);

    private final StoreOptions options;
    private final StorageBackend backend;
    private final RecordFormat format;
    private final Clock clock;
    private final IdGenerator ids;
    private final ObjectMapper mapper;
    private final PlanExecutor executor;
    private final PlanExecutor pendingExecutor;
    private final PlanCache plans = new PlanCache();
    private final DocumentCache cache;
    private final BackendRecords records;
    private final CommitPipeline pipeline;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentHashMap<String, EngineCollection> collections = new ConcurrentHashMap<>();
    private final Catalog catalog;
    private final StoredKeys keys;
    private final FieldCrypto crypto;
    private final CommitSequence sequence;
    private final ChangeLog changeLog;
    private final ChangeNotifier notifier = new ChangeNotifier();
    private final CommittedSource committed = new CommittedSource(this);
    private final SchemaManager schemas;
    private final UsageTracker documentUsage = new UsageTracker();
    private final AccessRecorder access;
    private final Evictor evictor;
    private final EvictionScheduler evictions;
    private volatile boolean closed;

    @Inject
    public EngineOfflineStore(StoreOptions options, StorageBackend backend, DocumentCodec codec, Clock clock,
                              IdGenerator ids, @TypedMapper ObjectMapper mapper, DocumentCache cache) {
        this.options = options;
        this.backend = backend;
        this.format = new RecordFormat(codec);
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
        this.cache = cache;
        this.records = new BackendRecords(backend, format);
        this.executor = new PlanExecutor(backend, format, cache);
        this.pipeline = new CommitPipeline(backend, notifier::publish, cache);
        this.pendingExecutor = new PlanExecutor(pipeline.reads(), format, DocumentCache.uncached());
        try {
            this.catalog = Catalog.load(backend);
            this.sequence = CommitSequence.load(backend);
            this.changeLog = new ChangeLog(backend);
            StoredKeys.Opened encryption = StoredKeys.open(backend, Keyspaces.META, options.encryption().orElse(null));
            this.keys = encryption == null ? null : encryption.keys();
            this.crypto = encryption == null ? null : encryption.crypto();
            this.schemas = new SchemaManager(backend, format, catalog, crypto != null,
                    schema -> DocumentTransform.of(crypto, options.encryption().orElse(null), schema).fields());
            schemas.open(options.collections());
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        this.access = new AccessRecorder(clock);
        access.enable(needsRecency());
        this.evictor = new Evictor(options, clock, format, changeLog.pendingDocuments(), documentUsage, access, catalog::all,
                this::state, this::query, this::write,
                () -> writeLock.isHeldByCurrentThread() ? pipeline.reads() : backend);
        this.evictions = new EvictionScheduler(() -> {
            if (!closed) {
                evictor.run();
            }
        }, options.evictionInterval());
        LOG.info("opened store '{}' on backend '{}'{}", options.databaseName(), options.backend(),
                options.path().map(p -> " at " + p).orElse(""));
    }

    @Override
    public DocumentCollection collection(String name) {
        ensureOpen();
        return collections.computeIfAbsent(name, n -> {
            CollectionSchema.builder(n);
            return new EngineCollection(this, n, committed);
        });
    }

    @Override
    public <T> TypedCollection<T> collection(String name, Class<T> type) {
        return new MappedCollection<>(collection(name), type, mapper);
    }

    @Override
    public Set<String> collectionNames() {
        ensureOpen();
        Set<String> names = new TreeSet<>();
        catalog.all().forEach(state -> names.add(state.name()));
        return names;
    }

    @Override
    public List<CollectionSchema> schemas() {
        ensureOpen();
        return catalog.all().stream().map(CollectionState::schema).toList();
    }

    @Override
    public IntegrityReport check() {
        // under the write lock with every pending group applied: a commit landing mid-check (a
        // background eviction pass, another thread's write) would otherwise show as an index
        // entry whose document is gone, on backends without snapshot cursors
        writeLock.lock();
        try {
            ensureOpen();
            pipeline.drain();
            return new IntegrityChecker(backend, format).check(catalog.all());
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public StorageInfo storageInfo() {
        ensureOpen();
        BackendStats stats = backend.stats();
        Map<String, StorageInfo.CollectionUsage> usage = new TreeMap<>();
        Map<String, CacheStats.Collection> cached = cache.stats().collections();
        for (CollectionState state : catalog.all()) {
            CacheStats.Collection inCache = cached.get(state.name());
            BackendStats.KeyspaceStats docs = stats.keyspaces().get(state.documentsKeyspace());
            long indexBytes = state.indexes().values().stream()
                    .map(index -> stats.keyspaces().get(index.keyspace()))
                    .filter(Objects::nonNull)
                    .mapToLong(BackendStats.KeyspaceStats::bytes)
                    .sum();
            usage.put(state.name(), new StorageInfo.CollectionUsage(docs == null ? 0 : docs.entries(),
                    docs == null ? 0 : docs.bytes(), indexBytes, state.schema().eviction().orElse(null),
                    changeLog.pendingDocuments().count(state.name()), inCache == null ? 0 : inCache.weight()));
        }
        return new StorageInfo(stats.totalBytes(), options.sizeLimit(), availableBytes(), usage);
    }

    /** The limit minus the documents' bytes, or the free space where the store lives. */
    private long availableBytes() {
        if (options.sizeLimit().isPresent()) {
            writeLock.lock();
            try {
                return Math.max(0, options.sizeLimit().getAsLong() - documentUsage.totalBytes(catalog.all(), pipeline.reads()));
            } finally {
                writeLock.unlock();
            }
        }
        if (options.path().isPresent() && Files.isDirectory(options.path().get())) {
            try {
                return Files.getFileStore(options.path().get()).getUsableSpace();
            } catch (IOException e) {
                throw new StorageException("cannot read the free space at " + options.path().get() + ": " + e.getMessage(), e);
            }
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    @Override
    public void setEvictionPolicy(String collection, EvictionPolicy policy) {
        CollectionSchema.builder(collection);
        Objects.requireNonNull(policy, "policy");
        writeLock.lock();
        try {
            ensureOpen();
            pipeline.drain();
            schemas.setEviction(collection, policy);
            access.enable(needsRecency());
        } finally {
            writeLock.unlock();
        }
        LOG.info("collection '{}' of store '{}' now has eviction policy '{}'", collection, options.databaseName(), policy);
    }

    /** Whether read recency is needed: some collection evicts by LRU, or the size limit does. */
    private boolean needsRecency() {
        return options.sizeLimit().isPresent() && options.evictionStrategy() == EvictionStrategy.LRU
                || catalog.all().stream().anyMatch(s -> s.schema().eviction()
                .map(p -> p.kind() == EvictionPolicy.Kind.LRU).orElse(false));
    }

    @Override
    public EvictionResult evict() {
        ensureOpen();
        EvictionResult result = evictor.run();
        LOG.debug("eviction pass on store '{}': {}", options.databaseName(), result);
        return result;
    }

    @Override
    public void clear(String... collectionNames) {
        clear(ClearOptions.keepPending(), collectionNames);
    }

    @Override
    public void clear(ClearOptions clearOptions, String... collectionNames) {
        Objects.requireNonNull(clearOptions, "options");
        Set<String> names = new TreeSet<>(List.of(collectionNames));
        names.forEach(CollectionSchema::builder);
        List<Change> discarded = write(commit -> {
            for (String name : names) {
                long pendingChanges = changeLog.pendingDocuments().count(name);
                if (pendingChanges > 0 && !clearOptions.discardsPending()) {
                    throw new ConstraintViolationException("cannot clear collection '" + name + "': it has "
                            + pendingChanges + " unsynchronized change(s); synchronize first, or clear with "
                            + "ClearOptions.discardPending() to drop them; nothing was cleared");
                }
            }
            List<Change> dropped = new ArrayList<>();
            for (String name : names) {
                CollectionState state = commit.collection(state(name));
                if (state.stored()) {
                    List<JsonNode> ids = new ArrayList<>();
                    try (KeyValueCursor cursor = pipeline.reads().scan(state.documentsKeyspace(), KeyRange.all(), false)) {
                        while (cursor.hasNext()) {
                            ids.add(KeyCodec.decode(cursor.next().key()));
                        }
                    }
                    ids.forEach(id -> commit.evict(state, id));
                }
                if (clearOptions.discardsPending()) {
                    List<Change> pending = changeLog.pending(0, Integer.MAX_VALUE, c -> c.collection().equals(name));
                    pending.forEach(change -> commit.deleteEntry(Keyspaces.CHANGES, ChangeLog.key(change)));
                    dropped.addAll(pending);
                }
            }
            return dropped;
        });
        changeLog.pendingDocuments().removed(discarded);
        names.forEach(access::forget);
        LOG.info("cleared collection(s) {} of store '{}'{}", names, options.databaseName(),
                discarded.isEmpty() ? "" : ", discarding " + discarded.size() + " unsynchronized change(s)");
    }

    @Override
    public long compact() {
        writeLock.lock();
        try {
            ensureOpen();
            pipeline.drain();
            long before = footprint();
            backend.compact();
            return Math.max(0, before - footprint());
        } finally {
            writeLock.unlock();
        }
    }

    /** The bytes of the store's files, or of its entries for a store without a directory. */
    private long footprint() {
        Path directory = options.path().orElse(null);
        if (directory == null || !Files.isDirectory(directory)) {
            return backend.stats().totalBytes();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a file removed while walking takes no space
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CacheStats cacheStats() {
        ensureOpen();
        return cache.stats();
    }

    @Override
    public void changeKeyProvider(KeyProvider newProvider) {
        Objects.requireNonNull(newProvider, "newProvider");
        writeLock.lock();
        try {
            ensureOpen();
            pipeline.drain();
            requireEncryption().rewrap(crypto.cipher(), newProvider);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void changePassphrase(char[] newPassphrase) {
        changeKeyProvider(requireEncryption().passphrase(newPassphrase));
    }

    @Override
    public void rotateKeys() {
        writeLock.lock();
        try {
            ensureOpen();
            pipeline.drain();
            crypto.use(requireEncryption().storeRotated(crypto.cipher()));
            LOG.info("rotated the encryption keys of store '{}'; run reencrypt() to re-seal older values",
                    options.databaseName());
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public ReencryptionProgress reencrypt(Consumer<ReencryptionProgress> progress) {
        requireEncryption();
        return new Reencryption(backend, format, this::write, this::state, this::transform).run(catalog.all(), progress);
    }

    private StoredKeys requireEncryption() {
        if (keys == null) {
            throw new ConfigurationException("store '" + options.databaseName() + "' has no field encryption configured");
        }
        return keys;
    }

    /** The collection's document transform: the sealing of its encrypted fields, or the identity. */
    DocumentTransform transform(CollectionState state) {
        return DocumentTransform.of(crypto, options.encryption().orElse(null), state.schema());
    }

    /**
     * The collection's query path over the written data, or, for the commit being validated
     * under the write lock, over the data with the commits still waiting to be written.
     */
    CollectionQuery query(CollectionState state) {
        ensureOpen();
        return new CollectionQuery(state, transform(state),
                writeLock.isHeldByCurrentThread() ? pendingExecutor : executor, plans);
    }

    @Override
    public StoreOptions options() {
        return options;
    }

    /** Notes a read of a document, for LRU eviction. */
    void accessed(String collection, Object normalizedId) {
        if (access.enabled()) {
            access.read(collection, DocumentIds.fromJava(normalizedId, collection));
        }
    }

    @Override
    public void close() {
        evictions.close();
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            pipeline.drain();
            closed = true;
            if (LOG.isDebugEnabled()) {
                LOG.debug("read cache of store '{}' at close: {}", options.databaseName(), cache.stats());
            }
            notifier.close();
            schemas.close();
            backend.close();
            LOG.info("closed store '{}'", options.databaseName());
        } finally {
            writeLock.unlock();
        }
    }

    // ---- for the collections of this package ----

    CollectionState state(String collection) {
        return catalog.getOrImplicit(collection);
    }

    StorageBackend backend() {
        ensureOpen();
        return backend;
    }

    RecordFormat format() {
        return format;
    }

    /** The read cache in front of the written documents. */
    DocumentCache cache() {
        return cache;
    }

    /** Loads written records for cache misses. */
    BackendRecords records() {
        return records;
    }

    IdGenerator ids() {
        return ids;
    }

    /**
     * Runs {@code work} as one commit under the write lock, then returns once the commit is
     * written.
     */
    <R> R write(Function<Commit, R> work) {
        R result;
        PendingGroup group;
        writeLock.lock();
        try {
            ensureOpen();
            Commit commit = new Commit(pipeline.reads(), format);
            result = work.apply(commit);
            group = enqueueLocked(commit, "auto-" + sequence.next());
        } finally {
            writeLock.unlock();
        }
        awaitDurable(group);
        return result;
    }

    /**
     * Validates a transaction's commit against what was committed since it read, then returns
     * once it is written.
     */
    void commitTransaction(Commit commit, String transactionId) {
        PendingGroup group;
        writeLock.lock();
        try {
            ensureOpen();
            commit.validate(catalog::getOrImplicit);
            group = enqueueLocked(commit, transactionId);
        } finally {
            writeLock.unlock();
        }
        awaitDurable(group);
    }

    /** A new commit reading through the pipeline, for a transaction. */
    Commit newCommit() {
        return new Commit(pipeline.reads(), format);
    }

    private PendingGroup enqueueLocked(Commit commit, String transactionId) {
        Commit.Result result = commit.prepare(catalog::getOrImplicit, sequence.next(), clock.millis(), transactionId);
        if (!result.applies()) {
            // it may have read commits still on their way: its caller waits for them too
            return pipeline.newestPending();
        }
        if (options.sizeLimit().isPresent()) {
            result = withinSizeLimit(commit, result, transactionId);
        }
        PendingGroup group = pipeline.add(result.batch(), result.changes());
        sequence.advance();
        catalog.publish(result.states());
        changeLog.pendingDocuments().added(result.logged());
        documentUsage.apply(result.sizes());
        if (passesABound(result)) {
            evictions.trigger();
        }
        return group;
    }

    /**
     * The commit's result if it fits under the size limit, else the result prepared again after
     * eviction made room for it (the strategy permitting).
     *
     * @throws StorageQuotaExceededException if it cannot be made to fit; nothing of it is written
     */
    private Commit.Result withinSizeLimit(Commit commit, Commit.Result result, String transactionId) {
        long growth = result.sizes().values().stream().mapToLong(SizeDelta::bytes).sum();
        if (growth <= 0) {
            return result;
        }
        long limit = options.sizeLimit().getAsLong();
        if (documentUsage.totalBytes(catalog.all(), pipeline.reads()) + growth <= limit) {
            return result;
        }
        evictor.makeRoom(growth, commit.touchedIds());
        long total = documentUsage.totalBytes(catalog.all(), pipeline.reads());
        if (total + growth > limit) {
            String collection = result.sizes().entrySet().stream()
                    .max(Comparator.comparingLong(e -> e.getValue().bytes())).orElseThrow().getKey();
            throw new StorageQuotaExceededException(limit, total + growth, collection);
        }
        return commit.prepare(catalog::getOrImplicit, sequence.next(), clock.millis(), transactionId);
    }

    /** Whether the commit grew a collection past its eviction policy's bound. */
    private boolean passesABound(Commit.Result result) {
        for (Map.Entry<String, SizeDelta> entry : result.sizes().entrySet()) {
            if (entry.getValue().bytes() > 0 && evictor.overBound(catalog.getOrImplicit(entry.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private void awaitDurable(PendingGroup group) {
        if (group != null) {
            pipeline.awaitDurable(group);
        }
    }

    @Override
    public Transaction beginTransaction(String... collectionNames) {
        return begin(newCommit(), collectionNames);
    }

    @Override
    public Transaction beginUntracked(String... collectionNames) {
        return begin(newCommit().untracked(), collectionNames);
    }

    private Transaction begin(Commit commit, String... collectionNames) {
        ensureOpen();
        Set<String> names = new TreeSet<>(List.of(collectionNames));
        names.forEach(CollectionSchema::builder);
        return new EngineTransaction(this, ids.next(), names, commit);
    }

    @Override
    public void inTransaction(Consumer<Transaction> work) {
        callInTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    @Override
    public <T> T callInTransaction(Function<Transaction, T> work) {
        return new ConflictRetry(options.transactionTimeout(), options.transactionRetries()).call(() -> {
            try (Transaction tx = beginTransaction()) {
                T result = work.apply(tx);
                tx.commit();
                return result;
            }
        });
    }

    @Override
    public List<Change> getChanges() {
        ensureOpen();
        return changeLog.pending(0, Integer.MAX_VALUE, c -> true);
    }

    @Override
    public List<Change> getChanges(String collection) {
        ensureOpen();
        return changeLog.pending(0, Integer.MAX_VALUE, c -> c.collection().equals(collection));
    }

    @Override
    public List<Change> getChanges(long afterSequence, int limit) {
        ensureOpen();
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return changeLog.pending(afterSequence, limit, c -> true);
    }

    @Override
    public void markSynchronized(Collection<Change> changes) {
        writeLock.lock();
        try {
            ensureOpen();
            pipeline.drain();
            long now = clock.millis();
            changeLog.markSynchronized(changes, now, now - options.changeRetention().toMillis());
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Subscription addChangeListener(ChangeListener listener) {
        return notifier.add(null, Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Subscription addChangeListener(String collection, ChangeListener listener) {
        return notifier.add(Objects.requireNonNull(collection, "collection"), Objects.requireNonNull(listener, "listener"));
    }

    /** Adds an index to a collection and fills it, in one batch. */
    void createIndex(String collection, IndexDefinition definition) {
        writeLock.lock();
        try {
            ensureOpen();
            pipeline.drain();
            schemas.createIndex(collection, definition);
        } finally {
            writeLock.unlock();
        }
    }

    /** Removes an index from the catalog; its keyspace is dropped at close. */
    boolean dropIndex(String collection, String name) {
        writeLock.lock();
        try {
            ensureOpen();
            pipeline.drain();
            return schemas.dropIndex(collection, name);
        } finally {
            writeLock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("store '" + options.databaseName() + "' is closed");
        }
    }
}
