package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DocumentNotFoundException;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.plan.QueryPlan;
import io.offlinestore.engine.plan.QueryPlanner;
import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValueCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine's {@link DocumentCollection}: validates documents and ids, runs writes as commits
 * of its store, and plans and runs queries.
 */
final class EngineCollection implements DocumentCollection {
    private final EngineOfflineStore store;
    private final String name;

    EngineCollection(EngineOfflineStore store, String name) {
        this.store = store;
        this.name = name;
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
        return store.write(commit -> insert(commit, document));
    }

    @Override
    public Optional<Document> get(Object id) {
        Objects.requireNonNull(id, "id");
        CollectionState state = store.state(name);
        JsonNode idNode = DocumentIds.fromJava(id, name);
        if (!state.stored()) {
            return Optional.empty();
        }
        byte[] bytes = store.backend().get(state.documentsKeyspace(), DocumentIds.encode(idNode, name));
        return bytes == null ? Optional.empty() : Optional.of(toDocument(store.format().decode(bytes), state));
    }

    @Override
    public Document update(Document document) {
        return store.write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            JsonNode id = requireId(document, state);
            if (commit.read(state, id) == null) {
                throw new DocumentNotFoundException(name, DocumentIds.toJava(id));
            }
            return toDocument(commit.put(state, id, document.unsafeTree()), state);
        });
    }

    @Override
    public Document put(Document document) {
        return store.write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            return toDocument(commit.put(state, requireId(document, state), document.unsafeTree()), state);
        });
    }

    @Override
    public Document patch(Object id, Document partial) {
        Objects.requireNonNull(partial, "partial");
        JsonNode idNode = DocumentIds.fromJava(id, name);
        return store.write(commit -> merge(commit, idNode, partial));
    }

    @Override
    public boolean delete(Object id) {
        JsonNode idNode = DocumentIds.fromJava(Objects.requireNonNull(id, "id"), name);
        return store.write(commit -> commit.delete(commit.collection(store.state(name)), idNode));
    }

    @Override
    public List<Document> createBatch(List<Document> documents) {
        return store.write(commit -> {
            List<Document> created = new ArrayList<>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                Document document = documents.get(i);
                created.add(inBatch(i, () -> insert(commit, document)));
            }
            return created;
        });
    }

    @Override
    public List<Document> updateBatch(List<Document> partials) {
        return store.write(commit -> {
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
        return store.write(commit -> {
            CollectionState state = commit.collection(store.state(name));
            int deleted = 0;
            for (JsonNode id : nodes) {
                deleted += commit.delete(state, id) ? 1 : 0;
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
        QueryPlan plan = QueryPlanner.plan(query, state.keyPath(), state.indexList());
        if (!state.stored()) {
            return Stream.empty();
        }
        return QueryRunner.run(query, plan, store.executor(), state.documentsKeyspace(), state.keyPath())
                .map(record -> toDocument(record, state));
    }

    @Override
    public long count(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        CollectionState state = store.state(name);
        QueryPlan plan = QueryPlanner.plan(Query.filter(filter), state.keyPath(), state.indexList());
        if (!state.stored()) {
            return 0;
        }
        if (plan instanceof QueryPlan.IndexScanPlan index && index.residual() instanceof Filter.MatchAll
                && !index.deduplicate()) {
            return store.executor().countEntries(index);
        }
        try (Stream<Document> matching = stream(Query.filter(filter))) {
            return matching.count();
        }
    }

    @Override
    public long count() {
        CollectionState state = store.state(name);
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
        return QueryPlanner.plan(query, state.keyPath(), state.indexList()).explain(name, query.limit().isPresent());
    }

    @Override
    public void createIndex(IndexDefinition index) {
        store.createIndex(name, Objects.requireNonNull(index, "index"));
    }

    @Override
    public boolean dropIndex(String indexName) {
        return store.dropIndex(name, indexName);
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
            String generated = store.ids().next();
            body = document.with(state.keyPath(), generated).unsafeTree();
            id = DocumentIds.fromBody(body, state.keyPath(), name);
        }
        if (commit.read(state, id) != null) {
            throw new DuplicateKeyException(name, null, "collection '" + name + "' already has a document with id "
                    + DocumentIds.describe(id));
        }
        return toDocument(commit.put(state, id, body), state);
    }

    private Document merge(Commit commit, JsonNode id, Document partial) {
        CollectionState state = commit.collection(store.state(name));
        StoredRecord current = commit.read(state, id);
        if (current == null) {
            throw new DocumentNotFoundException(name, DocumentIds.toJava(id));
        }
        JsonNode merged = JsonMergePatch.apply(current.body(), partial.unsafeTree());
        JsonNode mergedId = DocumentIds.fromBody(merged, state.keyPath(), name);
        if (mergedId == null || !DocumentIds.toJava(mergedId).equals(DocumentIds.toJava(id))) {
            throw new InvalidDocumentException("collection '" + name + "': a patch cannot change or remove the id at '"
                    + state.keyPath() + "' of document " + DocumentIds.describe(id));
        }
        return toDocument(commit.put(state, id, (ObjectNode) merged), state);
    }

    private JsonNode requireId(Document document, CollectionState state) {
        Objects.requireNonNull(document, "document");
        JsonNode id = DocumentIds.fromBody(document.unsafeTree(), state.keyPath(), name);
        if (id == null) {
            throw new InvalidDocumentException("collection '" + name + "': document has no id at '" + state.keyPath() + "'");
        }
        return id;
    }

    private static <T> T inBatch(int position, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidDocumentException e) {
            throw new InvalidDocumentException("batch item " + position + ": " + e.getMessage(), e);
        }
    }

    private static Document toDocument(StoredRecord record, CollectionState state) {
        return Document.adopt(record.body()).withKeyPath(state.keyPath());
    }
}
