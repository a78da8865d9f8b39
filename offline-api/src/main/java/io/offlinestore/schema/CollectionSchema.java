package io.offlinestore.schema;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Document;
import io.offlinestore.EvictionPolicy;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a collection is: its name, the field holding each document's id (its key path), its
 * secondary indexes, its relationships to other collections, whether ids are generated for
 * documents created without one, and whether its changes are recorded in the change log.
 */
public final class CollectionSchema {
    private final String name;
    private final String keyPath;
    private final List<IndexDefinition> indexes;
    private final List<Relationship> relationships;
    private final boolean generateIds;
    private final boolean trackChanges;
    private final Set<String> sensitiveFields;
    private final Set<String> queryableFields;
    private final EvictionPolicy eviction;
    private final CachePolicy cache;

    private CollectionSchema(Builder builder) {
        this.name = builder.name;
        this.keyPath = builder.keyPath;
        this.indexes = List.copyOf(builder.indexes.values());
        this.relationships = List.copyOf(builder.relationships.values());
        this.generateIds = builder.generateIds;
        this.trackChanges = builder.trackChanges;
        this.sensitiveFields = Set.copyOf(builder.sensitive);
        this.queryableFields = Set.copyOf(builder.queryable);
        this.eviction = builder.eviction;
        this.cache = builder.cache;
    }

    /** A builder for the collection with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The schema a collection gets when it is first written without having been declared. */
    public static CollectionSchema implicit(String name) {
        return builder(name).build();
    }

    public String name() {
        return name;
    }

    public String keyPath() {
        return keyPath;
    }

    public List<IndexDefinition> indexes() {
        return indexes;
    }

    /** The index with this name, if the schema declares one. */
    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public List<Relationship> relationships() {
        return relationships;
    }

    /** The relationship with this name, if the schema declares one. */
    public Optional<Relationship> relationship(String relationshipName) {
        return relationships.stream().filter(r -> r.name().equals(relationshipName)).findFirst();
    }

    /** Whether a document created without an id gets a generated one instead of being rejected. */
    public boolean generateIds() {
        return generateIds;
    }

    /** Whether committed changes of this collection go to the change log (default true). */
    public boolean trackChanges() {
        return trackChanges;
    }

    /** Fields sealed with randomized encryption in this collection (besides the store-wide ones). */
    public Set<String> sensitiveFields() {
        return sensitiveFields;
    }

    /** Fields sealed deterministically in this collection (besides the store-wide ones). */
    public Set<String> queryableFields() {
        return queryableFields;
    }

    /**
     * The collection's eviction policy, if it declares one; without one it is evicted only by the
     * store's size limit strategy.
     */
    public Optional<EvictionPolicy> eviction() {
        return Optional.ofNullable(eviction);
    }

    /** How the collection's documents are cached (a runtime setting, not part of the stored schema). */
    public CachePolicy cache() {
        return cache;
    }

    /** A builder holding this schema's settings, to derive a changed schema. */
    public Builder toBuilder() {
        Builder builder = new Builder(name).keyPath(keyPath).generateIds(generateIds).trackChanges(trackChanges).cache(cache);
        builder.sensitive.addAll(sensitiveFields);
        builder.queryable.addAll(queryableFields);
        builder.eviction = eviction;
        indexes.forEach(builder::index);
        relationships.forEach(builder::relationship);
        return builder;
    }

    /** A copy of the schema with one more index. */
    public CollectionSchema withIndex(IndexDefinition index) {
        return toBuilder().index(index).build();
    }

    /** A copy of the schema without the named index. */
    public CollectionSchema withoutIndex(String indexName) {
        Builder builder = toBuilder();
        builder.indexes.remove(indexName);
        return builder.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollectionSchema other && name.equals(other.name) && keyPath.equals(other.keyPath)
                && indexes.equals(other.indexes) && relationships.equals(other.relationships)
                && generateIds == other.generateIds && trackChanges == other.trackChanges
                && sensitiveFields.equals(other.sensitiveFields) && queryableFields.equals(other.queryableFields)
                && Objects.equals(eviction, other.eviction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyPath, indexes, relationships, generateIds, trackChanges, sensitiveFields,
                queryableFields, eviction);
    }

    @Override
    public String toString() {
        return "CollectionSchema{name=" + name + ", keyPath=" + keyPath + ", indexes=" + indexes
                + ", relationships=" + relationships + ", generateIds=" + generateIds
                + ", trackChanges=" + trackChanges + "}";
    }

    /** Builds a {@link CollectionSchema}; each setter rejects a bad value at once. */
    public static final class Builder {
        private final String name;
        private String keyPath = Document.DEFAULT_KEY_PATH;
        private final Map<String, IndexDefinition> indexes = new LinkedHashMap<>();
        private final Map<String, Relationship> relationships = new LinkedHashMap<>();
        private boolean generateIds;
        private boolean trackChanges = true;
        private final Set<String> sensitive = new LinkedHashSet<>();
        private final Set<String> queryable = new LinkedHashSet<>();
        private EvictionPolicy eviction;
        private CachePolicy cache = CachePolicy.shared();

        private Builder(String name) {
            this.name = requireName(name);
        }

        /** The field holding the document id (default {@code id}). */
        public Builder keyPath(String keyPath) {
            this.keyPath = FieldPaths.require(keyPath, "key path of collection '" + name + "'");
            return this;
        }

        /** Adds a secondary index; a second index with the same name is rejected. */
        public Builder index(IndexDefinition index) {
            Objects.requireNonNull(index, "index");
            if (indexes.putIfAbsent(index.name(), index) != null) {
                throw new ConfigurationException("collection '" + name + "' declares index '" + index.name() + "' twice");
            }
            return this;
        }

        /** Adds a relationship; a second one with the same name is rejected. */
        public Builder relationship(Relationship relationship) {
            Objects.requireNonNull(relationship, "relationship");
            if (relationships.putIfAbsent(relationship.name(), relationship) != null) {
                throw new ConfigurationException("collection '" + name + "' declares relationship '"
                        + relationship.name() + "' twice");
            }
            return this;
        }

        /** Whether documents created without an id get a generated one (default: rejected). */
        public Builder generateIds(boolean generateIds) {
            this.generateIds = generateIds;
            return this;
        }

        /** Whether changes go to the change log (default true; turn off for caches). */
        public Builder trackChanges(boolean trackChanges) {
            this.trackChanges = trackChanges;
            return this;
        }

        /** Fields of this collection to seal with randomized encryption (needs store encryption). */
        public Builder sensitiveFields(String... paths) {
            for (String path : paths) {
                sensitive.add(FieldPaths.require(path, "sensitive field of collection '" + name + "'"));
            }
            return this;
        }

        /** Fields of this collection to seal deterministically, queryable by equality. */
        public Builder queryableFields(String... paths) {
            for (String path : paths) {
                queryable.add(FieldPaths.require(path, "queryable field of collection '" + name + "'"));
            }
            return this;
        }

        /**
         * The collection's eviction policy ({@code eviction: {strategy: max-age, max-age: 7d}} in
         * a config file); null removes it.
         */
        public Builder eviction(EvictionPolicy policy) {
            this.eviction = policy;
            return this;
        }

        /** How the collection's documents are cached (default {@link CachePolicy#shared()}). */
        public Builder cache(CachePolicy policy) {
            this.cache = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public CollectionSchema build() {
            if (sensitive.contains(keyPath) || queryable.contains(keyPath)) {
                throw new ConfigurationException("the key path '" + keyPath + "' of collection '" + name
                        + "' cannot be encrypted: ids appear in index keys and the change log");
            }
            for (IndexDefinition index : indexes.values()) {
                if (index.fields().contains(keyPath)) {
                    throw new ConfigurationException("index '" + index.name() + "' of collection '" + name
                            + "' covers the key path '" + keyPath + "', which is already unique and ordered");
                }
            }
            return new CollectionSchema(this);
        }

        private static String requireName(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_\\-]{1,64}")) {
                throw new ConfigurationException("collection name '" + name
                        + "' must be 1 to 64 letters, digits, '_' or '-'");
            }
            return name;
        }
    }
}
