package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Change;
import io.offlinestore.ChangeListener;
import io.offlinestore.ConfigurationException;
import io.offlinestore.DocumentCollection;
import io.offlinestore.IntegrityReport;
import io.offlinestore.ReencryptionProgress;
import io.offlinestore.StorageInfo;
import io.offlinestore.OfflineStore;
import io.offlinestore.StorageException;
import io.offlinestore.StoreOptions;
import io.offlinestore.Subscription;
import io.offlinestore.Transaction;
import io.offlinestore.TypedCollection;
import io.offlinestore.engine.IdGenerator;
import io.offlinestore.engine.OfflineStoreModule;
import io.offlinestore.engine.codec.DocumentCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.crypto.EncryptedFields;
import io.offlinestore.engine.crypto.FieldCrypto;
import io.offlinestore.engine.crypto.StoredKeys;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.engine.plan.PlanExecutor;
import io.offlinestore.encryption.KeyProvider;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.schema.Relationship;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.StorageBackend;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Collection;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link OfflineStore}: owns the backend, the catalog and the write lock. Writes
 * are serialised: each runs as one {@link Commit} under the lock and reaches the backend as one
 * atomic batch; reads take no lock.
 */
public final class EngineOfflineStore implements OfflineStore {
    private static final Logger LOG = LoggerFactory.getLogger(EngineOfflineStore.class);

    private final StoreOptions options;
    private final StorageBackend backend;
    private final RecordFormat format;
    private final Clock clock;
    private final IdGenerator ids;
    private final ObjectMapper mapper;
    private final PlanExecutor executor;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentHashMap<String, EngineCollection> collections = new ConcurrentHashMap<>();
    private final Catalog catalog;
    private final StoredKeys keys;
    private final FieldCrypto crypto;
    private final CommitSequence sequence;
    private final ChangeLog changeLog;
    private final ChangeNotifier notifier = new ChangeNotifier();
    /** Keyspaces of dropped indexes: queries planned before the drop may still scan them until close. */
    private final List<String> droppedIndexKeyspaces = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Inject
    public EngineOfflineStore(StoreOptions options, StorageBackend backend, DocumentCodec codec, Clock clock,
                              IdGenerator ids, @Named(OfflineStoreModule.MAPPER) ObjectMapper mapper) {
        this.options = options;
        this.backend = backend;
        this.format = new RecordFormat(codec);
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
        this.executor = new PlanExecutor(backend, format);
        try {
            this.catalog = Catalog.load(backend);
            this.sequence = CommitSequence.load(backend);
            this.changeLog = new ChangeLog(backend);
            StoredKeys.Opened encryption = StoredKeys.open(backend, Keyspaces.META, options.encryption().orElse(null));
            this.keys = encryption == null ? null : encryption.keys();
            this.crypto = encryption == null ? null : encryption.crypto();
            dropOrphanIndexKeyspaces();
            options.collections().forEach(this::declare);
            options.collections().forEach(this::indexForeignKeys);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        LOG.info("opened store '{}' on backend '{}'{}", options.databaseName(), options.backend(),
                options.path().map(p -> " at " + p).orElse(""));
    }

    @Override
    public DocumentCollection collection(String name) {
        ensureOpen();
        return collections.computeIfAbsent(name, n -> {
            CollectionSchema.builder(n);
            return new EngineCollection(this, n, null);
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
        ensureOpen();
        return new IntegrityChecker(backend, format).check(catalog.all());
    }

    @Override
    public StorageInfo storageInfo() {
        ensureOpen();
        BackendStats stats = backend.stats();
        Map<String, StorageInfo.CollectionUsage> usage = new TreeMap<>();
        for (CollectionState state : catalog.all()) {
            BackendStats.KeyspaceStats docs = stats.keyspaces().get(state.documentsKeyspace());
            long indexBytes = state.indexes().values().stream()
                    .map(index -> stats.keyspaces().get(index.keyspace()))
                    .filter(Objects::nonNull)
                    .mapToLong(BackendStats.KeyspaceStats::bytes)
                    .sum();
            usage.put(state.name(), new StorageInfo.CollectionUsage(docs == null ? 0 : docs.entries(),
                    docs == null ? 0 : docs.bytes(), indexBytes));
        }
        return new StorageInfo(stats.totalBytes(), usage);
    }

    @Override
    public void changeKeyProvider(KeyProvider newProvider) {
        Objects.requireNonNull(newProvider, "newProvider");
        writeLock.lock();
        try {
            ensureOpen();
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
        return new Reencryption(this, backend, format, crypto).run(catalog.all(), progress);
    }

    private StoredKeys requireEncryption() {
        if (keys == null) {
            throw new ConfigurationException("store '" + options.databaseName() + "' has no field encryption configured");
        }
        return keys;
    }

    /** The fields of a collection that are sealed. */
    EncryptedFields encryptedFields(CollectionState state) {
        return crypto == null ? EncryptedFields.NONE
                : EncryptedFields.of(options.encryption().orElse(null), state.schema());
    }

    /** The body with its encrypted fields sealed, ready to store. */
    ObjectNode seal(CollectionState state, JsonNode id, ObjectNode body) {
        StorableBody.require(state.name(), id, body);
        return crypto == null ? body : crypto.seal(state.name(), encryptedFields(state), id, body);
    }

    /** A stored body with its encrypted fields opened, for the caller. */
    ObjectNode open(CollectionState state, ObjectNode body) {
        if (crypto == null) {
            return body;
        }
        EncryptedFields fields = encryptedFields(state);
        return fields.isEmpty() ? body
                : crypto.open(state.name(), fields, DocumentIds.fromBody(body, state.keyPath(), state.name()), body);
    }

    /** The query rewritten to match sealed values. */
    Query seal(CollectionState state, Query query) {
        return crypto == null ? query : crypto.seal(state.name(), encryptedFields(state), query);
    }

    @Override
    public StoreOptions options() {
        return options;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            notifier.close();
            droppedIndexKeyspaces.forEach(backend::dropKeyspace);
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

    PlanExecutor executor() {
        ensureOpen();
        return executor;
    }

    IdGenerator ids() {
        return ids;
    }

    /** Runs {@code work} as one commit under the write lock and applies it atomically. */
    <R> R write(Function<Commit, R> work) {
        writeLock.lock();
        try {
            ensureOpen();
            Commit commit = new Commit(backend, format);
            R result = work.apply(commit);
            applyLocked(commit, "auto-" + sequence.next());
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    /** Validates a transaction's commit against what was committed since it read, then applies it. */
    void commitTransaction(Commit commit, String transactionId) {
        writeLock.lock();
        try {
            ensureOpen();
            commit.validate(catalog::getOrImplicit);
            applyLocked(commit, transactionId);
        } finally {
            writeLock.unlock();
        }
    }

    private void applyLocked(Commit commit, String transactionId) {
        Commit.Result result = commit.apply(catalog::getOrImplicit, sequence.next(), clock.millis(), transactionId);
        if (result.applied()) {
            sequence.advance();
        }
        catalog.publish(result.states());
        notifier.publish(result.changes());
    }

    @Override
    public Transaction beginTransaction(String... collectionNames) {
        ensureOpen();
        Set<String> names = new TreeSet<>(List.of(collectionNames));
        names.forEach(CollectionSchema::builder);
        return new EngineTransaction(this, ids.next(), names, new Commit(backend, format));
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

    /** Synchronized changes kept until the retention prunes them (for tests and storage info). */
    long retainedSynchronizedChanges() {
        return changeLog.retainedSynchronized();
    }

    /** Adds an index to a collection and fills it, in one batch. */
    void createIndex(String collection, IndexDefinition definition) {
        writeLock.lock();
        try {
            ensureOpen();
            CollectionState state = catalog.getOrImplicit(collection);
            if (!addIndex(state, definition)) {
                LOG.debug("index '{}' of '{}' exists already", definition.name(), collection);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Removes an index from the catalog at once; its keyspace goes at close (or, after a crash,
     * at the next open), so queries planned before the drop can finish their scans.
     */
    boolean dropIndex(String collection, String name) {
        writeLock.lock();
        try {
            ensureOpen();
            CollectionState state = catalog.getOrImplicit(collection);
            IndexState index = state.indexes().get(name);
            if (index == null) {
                return false;
            }
            CollectionState next = state.withoutIndex(name);
            IndexBuilder.storeCatalog(backend, next);
            catalog.publish(List.of(next.asStored()));
            droppedIndexKeyspaces.add(index.keyspace());
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    private boolean addIndex(CollectionState state, IndexDefinition definition) {
        EncryptedFields sealed = encryptedFields(state);
        for (String field : definition.fields()) {
            EncryptedFields.Kind kind = sealed.kindOf(field);
            if (kind != EncryptedFields.Kind.PLAIN && kind != EncryptedFields.Kind.DETERMINISTIC) {
                throw new ConfigurationException("index '" + definition.name() + "' of collection '" + state.name()
                        + "' covers encrypted field '" + field + "', whose sealed values are all different: declare it "
                        + "queryable to index it");
            }
        }
        IndexState existing = state.indexes().get(definition.name());
        if (existing != null) {
            if (!existing.definition().equals(definition)) {
                throw new ConfigurationException("collection '" + state.name() + "' already has an index named '"
                        + definition.name() + "' over " + existing.definition().fields()
                        + (existing.definition().unique() ? " (unique)" : "") + "; drop it before redefining it");
            }
            return false;
        }
        CollectionState next = new IndexBuilder(backend, format).build(state, definition);
        catalog.publish(List.of(next));
        return true;
    }

    /** Brings a declared collection into the catalog: stores it if new, adds declared indexes it lacks. */
    private void declare(CollectionSchema schema) {
        if (crypto == null && !(schema.sensitiveFields().isEmpty() && schema.queryableFields().isEmpty())) {
            throw new ConfigurationException("collection '" + schema.name() + "' declares encrypted fields but the store "
                    + "has no encryption configured (StoreOptions.encryption / offline.encryption)");
        }
        CollectionState state = catalog.get(schema.name()).orElse(null);
        if (state == null) {
            CollectionState fresh = CollectionState.fresh(schema);
            IndexBuilder.storeCatalog(backend, fresh);
            catalog.publish(List.of(fresh.asStored()));
            return;
        }
        if (!state.keyPath().equals(schema.keyPath())) {
            throw new ConfigurationException("collection '" + schema.name() + "' was created with key path '"
                    + state.keyPath() + "' but the options declare '" + schema.keyPath() + "'");
        }
        CollectionSchema declared = withIndexesOf(state.schema(), schema);
        if (!declared.equals(state.schema())) {
            state = new CollectionState(declared, state.indexes(), true);
            IndexBuilder.storeCatalog(backend, state);
            catalog.publish(List.of(state));
        }
        for (IndexDefinition index : schema.indexes()) {
            if (addIndex(catalog.getOrImplicit(schema.name()), index)) {
                LOG.info("built index '{}' of collection '{}'", index.name(), schema.name());
            }
        }
    }

    /** Makes sure each relationship's foreign key is indexed, on whichever side holds it. */
    private void indexForeignKeys(CollectionSchema schema) {
        for (Relationship relationship : schema.relationships()) {
            String holder = relationship.type() == Relationship.Type.ONE_TO_MANY ? relationship.target() : schema.name();
            CollectionState state = catalog.getOrImplicit(holder);
            boolean indexed = state.indexes().values().stream()
                    .anyMatch(i -> i.definition().fields().get(0).equals(relationship.foreignKey()));
            if (!indexed) {
                String name = state.indexes().containsKey(relationship.foreignKey())
                        ? "fk_" + relationship.foreignKey() : relationship.foreignKey();
                addIndex(state, IndexDefinition.of(relationship.foreignKey()).named(name));
                LOG.info("indexed foreign key '{}' of collection '{}' for relationship '{}'", relationship.foreignKey(),
                        holder, relationship.name());
            }
        }
    }

    /** The declared schema's settings (ids, change tracking, relationships, encrypted fields) over the stored indexes. */
    private static CollectionSchema withIndexesOf(CollectionSchema stored, CollectionSchema declared) {
        CollectionSchema.Builder merged = CollectionSchema.builder(declared.name()).keyPath(declared.keyPath())
                .generateIds(declared.generateIds()).trackChanges(declared.trackChanges())
                .sensitiveFields(declared.sensitiveFields().toArray(String[]::new))
                .queryableFields(declared.queryableFields().toArray(String[]::new));
        declared.relationships().forEach(merged::relationship);
        stored.indexes().forEach(merged::index);
        return merged.build();
    }

    private void dropOrphanIndexKeyspaces() {
        Set<String> known = new TreeSet<>();
        catalog.all().forEach(state -> state.indexes().values().forEach(i -> known.add(i.keyspace())));
        for (String keyspace : backend.keyspaces()) {
            if (keyspace.startsWith("idx.") && !known.contains(keyspace)) {
                LOG.warn("dropping keyspace '{}' of an index no collection declares (left by an interrupted index change)", keyspace);
                backend.dropKeyspace(keyspace);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException("store '" + options.databaseName() + "' is closed");
        }
    }
}
