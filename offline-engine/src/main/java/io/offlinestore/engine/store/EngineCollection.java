package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentMetadata;
import io.offlinestore.DocumentNotFoundException;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.crypto.DocumentTransform;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.plan.CollectionQuery;
import io.offlinestore.engine.relation.DeleteRules;
import io.offlinestore.engine.relation.RelationshipLoader;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.internal.access.DocumentTrees;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The engine's {@link DocumentCollection}: validates documents and ids, and hands reads and
 * writes to its {@link DocumentSource} (committed data, or its transaction's commit); bodies are
 * sealed as they enter a commit and opened as they leave, by the collection's transform, and
 * included relationships are loaded per page.
 */
final class EngineCollection implements DocumentCollection {
    private final EngineOfflineStore store;
    private final String name;
    private final DocumentSource source;

    EngineCollection(EngineOfflineStore store, String name, DocumentSource source) {
        this.store = store;
        this.name = name;
        this.source = source;
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
        return source.write(commit -> insert(commit, document));
    }

    @Override
    public Optional<Document> get(Object id) {
        Objects.requireNonNull(id, "id");
        CollectionQuery collection = current();
        return source.read(collection, id).map(record -> toDocument(collection.transform().open(record.body())));
    }

    @Override
    public Optional<Document> get(Object id, String... include) {
        Objects.requireNonNull(id, "id");
        CollectionQuery collection = current();
        Optional<StoredRecord> record = source.read(collection, id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        List<ObjectNode> one = new ArrayList<>(List.of(collection.transform().open(record.get().body()).deepCopy()));
        loadIncludes(collection.state(), one, List.of(include));
        return Optional.of(toDocument(one.get(0)));
    }

    @Override
    public Optional<DocumentMetadata> metadata(Object id) {
        Objects.requireNonNull(id, "id");
        return source.read(current(), id).map(r -> new DocumentMetadata(r.version(),
                Instant.ofEpochMilli(r.createdAt()), Instant.ofEpochMilli(r.updatedAt()), r.sequence()));
    }

    @Override
    public Document update(Document document) {
        return source.write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            JsonNode id = requireId(document, state);
            if (commit.read(state, id) == null) {
                throw new DocumentNotFoundException(name, DocumentIds.toJava(id));
            }
            commit.put(state, id, storable(store.transform(state), id, DocumentTrees.tree(document)));
            return toDocument(DocumentTrees.tree(document));
        });
    }

    @Override
    public Document put(Document document) {
        return source.write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            return replace(commit, state, store.transform(state), document);
        });
    }

    @Override
    public Document patch(Object id, Document partial) {
        Objects.requireNonNull(partial, "partial");
        JsonNode idNode = DocumentIds.fromJava(id, name);
        return source.write(commit -> merge(commit, idNode, partial));
    }

    @Override
    public boolean delete(Object id) {
        JsonNode idNode = DocumentIds.fromJava(Objects.requireNonNull(id, "id"), name);
        return source.write(commit -> deleteRules(commit).delete(commit.collection(store.state(name)), idNode));
    }

    @Override
    public List<Document> createBatch(List<Document> documents) {
        return source.write(commit -> {
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
        return source.write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            DocumentTransform transform = store.transform(state);
            List<Document> stored = new ArrayList<>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                Document document = documents.get(i);
                stored.add(inBatch(i, () -> replace(commit, state, transform, document)));
            }
            return stored;
        });
    }

    @Override
    public List<Document> updateBatch(List<Document> partials) {
        return source.write(commit -> {
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
        return source.write(commit -> {
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
        CollectionQuery collection = current();
        Stream<ObjectNode> documents = source.documents(collection, query);
        if (query.include().isEmpty()) {
            return documents.map(this::toDocument);
        }
        List<ObjectNode> page;
        try (documents) {
            page = documents.map(ObjectNode::deepCopy).toList();
        }
        loadIncludes(collection.state(), page, query.include());
        return page.stream().map(this::toDocument);
    }

    @Override
    public long count(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        return source.count(current(), filter);
    }

    @Override
    public long count() {
        return source.count(current());
    }

    @Override
    public Explanation explain(Query query) {
        return store.query(store.state(name)).explain(query);
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
        if (source.inTransaction()) {
            throw new UnsupportedOperationException(operation + " is not transactional: call it on store.collection(\""
                    + name + "\") outside the transaction");
        }
    }

    /** The collection's query path as of now. */
    private CollectionQuery current() {
        return store.query(store.state(name));
    }

    private void loadIncludes(CollectionState state, List<ObjectNode> documents, List<String> include) {
        new RelationshipLoader(store::state, (target, query) -> {
            try (Stream<ObjectNode> related = source.documents(store.query(target), query)) {
                return related.toList();
            }
        }).load(state, documents, include);
    }

    private DeleteRules deleteRules(Commit commit) {
        return new DeleteRules(store::state, store::query, commit);
    }

    private Document insert(Commit commit, Document document) {
        Objects.requireNonNull(document, "document");
        CollectionState state = commit.collection(store.state(name));
        ObjectNode body = DocumentTrees.tree(document);
        JsonNode id = DocumentIds.fromBody(body, state.keyPath(), name);
        if (id == null) {
            if (!state.schema().generateIds()) {
                throw new InvalidDocumentException("collection '" + name + "': document has no id at '"
                        + state.keyPath() + "' (declare the collection with generateIds(true) to have ids generated)");
            }
            body = DocumentTrees.tree(document.with(state.keyPath(), store.ids().next()));
            id = DocumentIds.fromBody(body, state.keyPath(), name);
        }
        if (commit.read(state, id) != null) {
            throw new DuplicateKeyException(name, null, "collection '" + name + "' already has a document with id "
                    + DocumentIds.describe(id));
        }
        commit.put(state, id, storable(store.transform(state), id, body));
        return toDocument(body);
    }

    /** The body checked against the codec's limits (nothing is written if it fails) and sealed for storage. */
    private ObjectNode storable(DocumentTransform transform, JsonNode id, ObjectNode body) {
        StorableBody.require(name, id, body);
        return transform.seal(id, body);
    }

    private Document replace(Commit commit, CollectionState state, DocumentTransform transform, Document document) {
        JsonNode id = requireId(document, state);
        commit.put(state, id, storable(transform, id, DocumentTrees.tree(document)));
        return toDocument(DocumentTrees.tree(document));
    }

    private Document merge(Commit commit, JsonNode id, Document partial) {
        CollectionState state = commit.collection(store.state(name));
        DocumentTransform transform = store.transform(state);
        StoredRecord current = commit.read(state, id);
        if (current == null) {
            throw new DocumentNotFoundException(name, DocumentIds.toJava(id));
        }
        StorableBody.require(name, id, DocumentTrees.tree(partial));
        JsonNode merged = JsonMergePatch.apply(transform.open(current.body()), DocumentTrees.tree(partial));
        JsonNode mergedId = DocumentIds.fromBody(merged, state.keyPath(), name);
        if (mergedId == null || !DocumentIds.toJava(mergedId).equals(DocumentIds.toJava(id))) {
            throw new InvalidDocumentException("collection '" + name + "': a patch cannot change or remove the id at '"
                    + state.keyPath() + "' of document " + DocumentIds.describe(id));
        }
        commit.put(state, id, storable(transform, id, (ObjectNode) merged));
        return toDocument(merged);
    }

    private JsonNode requireId(Document document, CollectionState state) {
        Objects.requireNonNull(document, "document");
        JsonNode id = DocumentIds.fromBody(DocumentTrees.tree(document), state.keyPath(), name);
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

    private Document toDocument(JsonNode body) {
        return DocumentTrees.adopt(body).withKeyPath(store.state(name).keyPath());
    }
}
