package io.offlinestore.engine.catalog;

import io.offlinestore.ConfigurationException;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.crypto.EncryptedFields;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.schema.Relationship;
import io.offlinestore.spi.StorageBackend;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to the catalog's schemas: declaring collections at open (with the indexes they
 * declare and those their relationships' foreign keys need), creating and dropping indexes, and
 * dropping the keyspaces of indexes no collection names. Every method runs under the store's
 * write lock.
 */
public final class SchemaManager {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    private final StorageBackend backend;
    private final Catalog catalog;
    private final IndexBuilder builder;
    private final boolean encryption;
    private final Function<CollectionSchema, EncryptedFields> encryptedFields;
    /** Keyspaces of dropped indexes: queries planned before the drop may still scan them until close. */
    private final List<String> droppedIndexKeyspaces = new CopyOnWriteArrayList<>();

    /**
     * @param encryption      whether the store has field encryption configured
     * @param encryptedFields the sealed fields of a collection
     */
    public SchemaManager(StorageBackend backend, RecordFormat format, Catalog catalog, boolean encryption,
                         Function<CollectionSchema, EncryptedFields> encryptedFields) {
        this.backend = backend;
        this.catalog = catalog;
        this.builder = new IndexBuilder(backend, format);
        this.encryption = encryption;
        this.encryptedFields = encryptedFields;
    }

    /**
     * Brings the declared collections into the catalog, after dropping index keyspaces an
     * interrupted index change left behind.
     */
    public void open(List<CollectionSchema> declared) {
        dropOrphanIndexKeyspaces();
        declared.forEach(this::declare);
        declared.forEach(this::indexForeignKeys);
    }

    /** Adds an index to a collection and fills it, in one batch; nothing happens if it exists already. */
    public void createIndex(String collection, IndexDefinition definition) {
        if (!addIndex(catalog.getOrImplicit(collection), definition)) {
            LOG.debug("index '{}' of '{}' exists already", definition.name(), collection);
        }
    }

    /**
     * Removes an index from the catalog at once; its keyspace goes at {@link #close} (or, after a
     * crash, at the next open), so queries planned before the drop can finish their scans.
     */
    public boolean dropIndex(String collection, String name) {
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
    }

    /** Sets a collection's eviction policy in the catalog (storing the collection if it is new). */
    public void setEviction(String collection, EvictionPolicy policy) {
        CollectionState state = catalog.getOrImplicit(collection);
        CollectionState next = new CollectionState(state.schema().toBuilder().eviction(policy).build(), state.indexes(),
                true);
        IndexBuilder.storeCatalog(backend, next);
        catalog.publish(List.of(next));
    }

    /** Drops the keyspaces of the indexes dropped since open. */
    public void close() {
        droppedIndexKeyspaces.forEach(backend::dropKeyspace);
    }

    private boolean addIndex(CollectionState state, IndexDefinition definition) {
        EncryptedFields sealed = encryptedFields.apply(state.schema());
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
        catalog.publish(List.of(builder.build(state, definition)));
        return true;
    }

    /** Brings a declared collection into the catalog: stores it if new, adds declared indexes it lacks. */
    private void declare(CollectionSchema schema) {
        if (!encryption && !(schema.sensitiveFields().isEmpty() && schema.queryableFields().isEmpty())) {
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
                .queryableFields(declared.queryableFields().toArray(String[]::new))
                .eviction(declared.eviction().or(stored::eviction).orElse(null));
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
}
