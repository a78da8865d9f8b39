package io.offlinestore.engine.catalog;

import io.offlinestore.engine.index.IndexState;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection as the engine knows it at one moment: schema, documents keyspace, index states,
 * and whether its catalog entry has been stored yet. Immutable; a commit that changes it
 * publishes a new instance to the {@link Catalog}.
 */
public record CollectionState(CollectionSchema schema, Map<String, IndexState> indexes, boolean stored) {

    public CollectionState {
        indexes = Collections.unmodifiableMap(new LinkedHashMap<>(indexes));
    }

    /** A new, not yet stored collection with the schema's indexes, none multikey. */
    public static CollectionState fresh(CollectionSchema schema) {
        Map<String, IndexState> indexes = new LinkedHashMap<>();
        for (IndexDefinition index : schema.indexes()) {
            indexes.put(index.name(), new IndexState(index, Keyspaces.index(schema.name(), index.name()), false));
        }
        return new CollectionState(schema, indexes, false);
    }

    public String name() {
        return schema.name();
    }

    public String keyPath() {
        return schema.keyPath();
    }

    public String documentsKeyspace() {
        return Keyspaces.documents(schema.name());
    }

    public List<IndexState> indexList() {
        return List.copyOf(indexes.values());
    }

    public CollectionState withIndex(IndexState index) {
        Map<String, IndexState> next = new LinkedHashMap<>(indexes);
        next.put(index.name(), index);
        CollectionSchema nextSchema = schema.index(index.name()).isPresent() ? schema : schema.withIndex(index.definition());
        return new CollectionState(nextSchema, next, stored);
    }

    public CollectionState withoutIndex(String name) {
        Map<String, IndexState> next = new LinkedHashMap<>(indexes);
        next.remove(name);
        return new CollectionState(schema.withoutIndex(name), next, stored);
    }

    public CollectionState asStored() {
        return stored ? this : new CollectionState(schema, indexes, true);
    }
}
