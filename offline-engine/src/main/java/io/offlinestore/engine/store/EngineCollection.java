package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentMetadata;
import io.offlinestore.DocumentNotFoundException;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.StorageException;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.plan.QueryPlan;
import io.offlinestore.engine.plan.QueryPlanner;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The engine's {@link DocumentCollection}: validates documents and ids, runs writes as commits
 * of its store (or buffers them in its transaction), and plans and runs queries, loading
 * included relationships per page.
 */
final class EngineCollection implements DocumentCollection {
    private final EngineOfflineStore store;
    private final String name;
    private final EngineTransaction transaction;

    EngineCollection(EngineOfflineStore store, String name, EngineTransaction transaction) {
        this.store = store;
        this.name = name;
        this.transaction = transaction;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CollectionSchema schema() {
        return store.state(name).schema();
    }

    @Override
    public Document create(Document document) {
        return write(commit -> insert(commit, document));
    }

    @Override
    public Optional<Document> get(Object id) {
        Objects.requireNonNull(id, "id");
        return read(DocumentIds.fromJava(id, name)).map(record -> toDocument(opened(record.body())));
    }

    @Override
    public Optional<Document> get(Object id, String... include) {
        Objects.requireNonNull(id, "id");
        Optional<StoredRecord> record = read(DocumentIds.fromJava(id, name));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        List<ObjectNode> one = new ArrayList<>(List.of(opened(record.get().body()).deepCopy()));
        loadIncludes(one, List.of(include));
        return Optional.of(toDocument(one.get(0)));
    }

    @Override
    public Optional<DocumentMetadata> metadata(Object id) {
        Objects.requireNonNull(id, "id");
        return read(DocumentIds.fromJava(id, name)).map(r -> new DocumentMetadata(r.version(),
                Instant.ofEpochMilli(r.createdAt()), Instant.ofEpochMilli(r.updatedAt()), r.sequence()));
    }

    private Optional<StoredRecord> read(JsonNode id) {
        if (transaction != null) {
            Commit commit = transaction.commitInProgress();
            return Optional.ofNullable(commit.read(commit.collection(store.state(name)), id));
        }
        CollectionState state = store.state(name);
        if (!state.stored()) {
            return Optional.empty();
        }
        byte[] bytes = store.backend().get(state.documentsKeyspace(), DocumentIds.encode(id, name));
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.format().decode(bytes));
        } catch (StorageException e) {
            throw new StorageException("collection '" + name + "': document " + DocumentIds.describe(id)
                    + " is unreadable (delete or overwrite it): " + e.getMessage(), e);
        }
    }

    @Override
    public Document update(Document document) {
        return write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            JsonNode id = requireId(document, state);
            if (commit.read(state, id) == null) {
                throw new DocumentNotFoundException(name, DocumentIds.toJava(id));
            }
            commit.put(state, id, store.seal(state, id, document.unsafeTree()));
            return toDocument(document.unsafeTree());
        });
    }

    @Override
    public Document put(Document document) {
        return write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            JsonNode id = requireId(document, state);
            commit.put(state, id, store.seal(state, id, document.unsafeTree()));
            return toDocument(document.unsafeTree());
        });
    }

    @Override
    public Document patch(Object id, Document partial) {
        Objects.requireNonNull(partial, "partial");
        JsonNode idNode = DocumentIds.fromJava(id, name);
        return write(commit -> merge(commit, idNode, partial));
    }

    @Override
    public boolean delete(Object id) {
        JsonNode idNode = DocumentIds.fromJava(Objects.requireNonNull(id, "id"), name);
        return write(commit -> deleteRules(commit).delete(commit.collection(store.state(name)), idNode));
    }

    @Override
    public List<Document> createBatch(List<Document> documents) {
        return write(commit -> {
            List<Document> created = new ArrayList<>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                Document document = documents.get(i);
                created.add(inBatch(i, () -> insert(commit, document)));
            }
            return created;
        });
    }

    @Override
    public List<Document> putBatch(List<Document> documents) {
        return write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            List<Document> stored = new ArrayList<>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                Document document = documents.get(i);
                stored.add(inBatch(i, () -> {
                    JsonNode id = requireId(document, state);
                    commit.put(state, id, store.seal(state, id, document.unsafeTree()));
                    return toDocument(document.unsafeTree());
                }));
            }
            return stored;
        });
    }

    @Override
    public List<Document> updateBatch(List<Document> partials) {
        return write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            List<Document> updated = new ArrayList<>(partials.size());
            for (int i = 0; i < partials.size(); i++) {
                Document partial = partials.get(i);
                updated.add(inBatch(i, () -> merge(commit, requireId(partial, state), partial)));
            }
            return updated;
        });
    }

    @Override
    public int deleteBatch(List<?> ids) {
        List<JsonNode> nodes = ids.stream().map(id -> DocumentIds.fromJava(id, name)).toList();
        return write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            DeleteRules rules = deleteRules(commit);
            int deleted = 0;
            for (JsonNode id : nodes) {
                deleted += rules.delete(state, id) ? 1 : 0;
            }
            return deleted;
        });
    }

    @Override
    public List<Document> query(Query query) {
        try (Stream<Document> results = stream(query)) {
            return results.toList();
        }
    }

    @Override
    public Stream<Document> stream(Query query) {
        Objects.requireNonNull(query, "query");
        CollectionState state = store.state(name);
        if (transaction != null || !query.include().isEmpty()) {
            List<ObjectNode> page = reader().query(state, query);
            loadIncludes(page, query.include());
            return page.stream().map(this::toDocument);
        }
        Query sealed = store.seal(state, query);
        if (!state.stored()) {
            return Stream.empty();
        }
        QueryPlan plan = QueryPlanner.plan(sealed, state.keyPath(), state.indexList());
        return QueryRunner.run(sealed, plan, store.executor(), state.documentsKeyspace(), state.keyPath())
                .map(record -> toDocument(store.open(state, record.body())));
    }

    @Override
    public long count(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        CollectionState state = store.state(name);
        if (transaction == null) {
            Query sealed = store.seal(state, Query.filter(filter));
            if (!state.stored()) {
                return 0;
            }
            QueryPlan plan = QueryPlanner.plan(sealed, state.keyPath(), state.indexList());
            if (plan instanceof QueryPlan.IndexScanPlan index && index.residual() instanceof Filter.MatchAll
                    && !index.index().multikey()) {
                return store.executor().countEntries(index);
            }
        }
        try (Stream<Document> matching = stream(Query.filter(filter))) {
            return matching.count();
        }
    }

    @Override
    public long count() {
        CollectionState state = store.state(name);
        if (transaction != null) {
            return count(Filters.all());
        }
        if (!state.stored()) {
            return 0;
        }
        long count = 0;
        try (KeyValueCursor cursor = store.backend().scan(state.documentsKeyspace(), KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                cursor.next();
                count++;
            }
        }
        return count;
    }

    @Override
    public Explanation explain(Query query) {
        CollectionState state = store.state(name);
        Query sealed = store.seal(state, query);
        return QueryPlanner.plan(sealed, state.keyPath(), state.indexList()).explain(name, sealed);
    }

    @Override
    public void createIndex(IndexDefinition index) {
        refuseInTransaction("createIndex");
        store.createIndex(name, Objects.requireNonNull(index, "index"));
    }

    @Override
    public boolean dropIndex(String indexName) {
        refuseInTransaction("dropIndex");
        return store.dropIndex(name, indexName);
    }

    private void refuseInTransaction(String operation) {
        if (transaction != null) {
            throw new UnsupportedOperationException(operation + " is not transactional: call it on store.collection(\""
                    + name + "\") outside the transaction");
        }
    }

    private <R> R write(Function<Commit, R> work) {
        return transaction == null ? store.write(work) : transaction.write(work);
    }

    /** Reads committed data, overlaid with the transaction's writes inside one. */
    private DocumentReader reader() {
        DocumentReader sealed;
        if (transaction != null) {
            sealed = new CommitView(store, transaction.commitInProgress())::query;
        } else {
            sealed = (state, query) -> {
                if (!state.stored()) {
                    return List.of();
                }
                QueryPlan plan = QueryPlanner.plan(query, state.keyPath(), state.indexList());
                try (Stream<StoredRecord> records = QueryRunner.run(query, plan, store.executor(),
                        state.documentsKeyspace(), state.keyPath())) {
                    return records.map(StoredRecord::body).toList();
                }
            };
        }
        return (state, query) -> sealed.query(state, store.seal(state, query)).stream()
                .map(body -> store.open(state, body)).toList();
    }

    private void loadIncludes(List<ObjectNode> documents, List<String> include) {
        new RelationshipLoader(store::state, reader()).load(store.state(name), documents, include);
    }

    private DeleteRules deleteRules(Commit commit) {
        return new DeleteRules(store::state, store::seal, commit, new CommitView(store, commit));
    }

    private Document insert(Commit commit, Document document) {
        Objects.requireNonNull(document, "document");
        CollectionState state = commit.collection(store.state(name));
        ObjectNode body = document.unsafeTree();
        JsonNode id = DocumentIds.fromBody(body, state.keyPath(), name);
        if (id == null) {
            if (!state.schema().generateIds()) {
                throw new InvalidDocumentException("collection '" + name + "': document has no id at '"
                        + state.keyPath() + "' (declare the collection with generateIds(true) to have ids generated)");
            }
            body = document.with(state.keyPath(), store.ids().next()).unsafeTree();
            id = DocumentIds.fromBody(body, state.keyPath(), name);
        }
        if (commit.read(state, id) != null) {
            throw new DuplicateKeyException(name, null, "collection '" + name + "' already has a document with id "
                    + DocumentIds.describe(id));
        }
        commit.put(state, id, store.seal(state, id, body));
        return toDocument(body);
    }

    private Document merge(Commit commit, JsonNode id, Document partial) {
        CollectionState state = commit.collection(store.state(name));
        StoredRecord current = commit.read(state, id);
        if (current == null) {
            throw new DocumentNotFoundException(name, DocumentIds.toJava(id));
        }
        StorableBody.require(name, id, partial.unsafeTree());
        JsonNode merged = JsonMergePatch.apply(store.open(state, current.body()), partial.unsafeTree());
        JsonNode mergedId = DocumentIds.fromBody(merged, state.keyPath(), name);
        if (mergedId == null || !DocumentIds.toJava(mergedId).equals(DocumentIds.toJava(id))) {
            throw new InvalidDocumentException("collection '" + name + "': a patch cannot change or remove the id at '"
                    + state.keyPath() + "' of document " + DocumentIds.describe(id));
        }
        commit.put(state, id, store.seal(state, id, (ObjectNode) merged));
        return toDocument(merged);
    }

    private JsonNode requireId(Document document, CollectionState state) {
        Objects.requireNonNull(document, "document");
        JsonNode id = DocumentIds.fromBody(document.unsafeTree(), state.keyPath(), name);
        if (id == null) {
            throw new InvalidDocumentException("collection '" + name + "': document has no id at '" + state.keyPath() + "'");
        }
        return id;
    }

    private static <T> T inBatch(int position, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidDocumentException e) {
            throw new InvalidDocumentException("batch item " + position + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode opened(ObjectNode stored) {
        return store.open(store.state(name), stored);
    }

    private Document toDocument(JsonNode body) {
        return Document.adopt(body).withKeyPath(store.state(name).keyPath());
    }
}
