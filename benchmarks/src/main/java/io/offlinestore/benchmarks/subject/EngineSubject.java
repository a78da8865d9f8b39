package io.offlinestore.benchmarks.subject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.Durability;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.nio.file.Path;
import java.util.List;

/**
 * Offline Store on one of its backends, through the public API only, with default options and
 * {@link Durability#SYNC}: a collection {@code docs} keyed by {@code id} with an index on
 * {@code group} (and, as by default, change tracking).
 */
final class EngineSubject implements Subject {
    static final String COLLECTION = "docs";

    private final StoreOptions options;
    private final String backend;
    private OfflineStore store;
    private DocumentCollection docs;

    EngineSubject(String backend, Path directory) {
        this.backend = backend;
        this.options = StoreOptions.builder()
                .backend(backend)
                .path(directory)
                .durability(Durability.SYNC)
                .collection(CollectionSchema.builder(COLLECTION).keyPath("id").index(IndexDefinition.of("group")).build())
                .build();
        open();
    }

    private void open() {
        store = OfflineStore.open(options);
        docs = store.collection(COLLECTION);
    }

    @Override
    public Object prepare(ObjectNode document) {
        return Document.of(document);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void insertAll(List<Object> documents) {
        docs.createBatch((List<Document>) (List<?>) documents);
    }

    @Override
    public void insertOne(Object document) {
        docs.create((Document) document);
    }

    @Override
    public Object get(long id) {
        return docs.get(id).orElseThrow();
    }

    @Override
    public List<?> findByGroup(int group) {
        return docs.query(Query.filter(Filters.where("group").eq(group)));
    }

    @Override
    public List<?> findGroupsFrom(int from, int limit) {
        return docs.query(Query.filter(Filters.where("group").gte(from)).sort("group", Direction.ASC).limit(limit));
    }

    @Override
    public List<?> scanByStatus(String status) {
        return docs.query(Query.filter(Filters.where("status").eq(status)));
    }

    @Override
    public void reopen() {
        if (backend.equals("memory")) {
            throw new UnsupportedOperationException("the memory backend keeps nothing across a reopen");
        }
        store.close();
        open();
    }

    @Override
    public void close() {
        store.close();
    }
}
