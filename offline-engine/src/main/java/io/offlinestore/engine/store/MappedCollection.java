package io.offlinestore.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.TypedCollection;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.internal.access.DocumentTrees;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A {@link TypedCollection} that maps values to documents and back with a Jackson mapper. */
final class MappedCollection<T> implements TypedCollection<T> {
    private final DocumentCollection documents;
    private final Class<T> type;
    private final ObjectMapper mapper;

    MappedCollection(DocumentCollection documents, Class<T> type, ObjectMapper mapper) {
        this.documents = documents;
        this.type = type;
        this.mapper = mapper;
    }

    @Override
    public DocumentCollection documents() {
        return documents;
    }

    @Override
    public T create(T value) {
        return fromDocument(documents.create(toDocument(value)));
    }

    @Override
    public Optional<T> get(Object id) {
        return documents.get(id).map(this::fromDocument);
    }

    @Override
    public T update(T value) {
        return fromDocument(documents.update(toDocument(value)));
    }

    @Override
    public T put(T value) {
        return fromDocument(documents.put(toDocument(value)));
    }

    @Override
    public boolean delete(Object id) {
        return documents.delete(id);
    }

    @Override
    public List<T> createBatch(List<T> values) {
        return documents.createBatch(values.stream().map(this::toDocument).toList()).stream().map(this::fromDocument).toList();
    }

    @Override
    public List<T> query(Query query) {
        return documents.query(query).stream().map(this::fromDocument).toList();
    }

    @Override
    public Stream<T> stream(Query query) {
        return documents.stream(query).map(this::fromDocument);
    }

    @Override
    public long count(Filter filter) {
        return documents.count(filter);
    }

    private Document toDocument(T value) {
        JsonNode tree = mapper.valueToTree(value);
        if (tree == null || !tree.isObject()) {
            throw new InvalidDocumentException("collection '" + documents.name() + "': " + type.getSimpleName()
                    + " does not map to a JSON object");
        }
        return DocumentTrees.adopt(tree);
    }

    private T fromDocument(Document document) {
        try {
            return mapper.treeToValue(DocumentTrees.tree(document), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidDocumentException("collection '" + documents.name() + "': document "
                    + document.id() + " does not map to " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
