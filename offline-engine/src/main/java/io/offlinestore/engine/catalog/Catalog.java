package io.offlinestore.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.StorageException;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.index.IndexState;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine's view of every collection, loaded from the backend's catalog keyspace at open and
 * replaced, whole, after each commit that changes a collection. Reads need no lock: they see
 * one published snapshot.
 */
public final class Catalog {
    private volatile Map<String, CollectionState> collections;

    private Catalog(Map<String, CollectionState> collections) {
        this.collections = Map.copyOf(collections);
    }

    /** Reads the stored catalog. */
    public static Catalog load(StorageBackend backend) {
        backend.createKeyspace(Keyspaces.CATALOG);
        Map<String, CollectionState> states = new TreeMap<>();
        try (KeyValueCursor cursor = backend.scan(Keyspaces.CATALOG, KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                CollectionState state = decode(cursor.next());
                states.put(state.name(), state);
            }
        }
        return new Catalog(states);
    }

    public Optional<CollectionState> get(String name) {
        return Optional.ofNullable(collections.get(name));
    }

    /** The collection's state, or a fresh implicit one if it has never been declared or written. */
    public CollectionState getOrImplicit(String name) {
        CollectionState state = collections.get(name);
        return state != null ? state : CollectionState.fresh(CollectionSchema.implicit(name));
    }

    public List<CollectionState> all() {
        return new ArrayList<>(new TreeMap<>(collections).values());
    }

    /** Publishes changed collection states; called under the write lock after a commit applied. */
    public synchronized void publish(Iterable<CollectionState> changed) {
        Map<String, CollectionState> next = new TreeMap<>(collections);
        changed.forEach(state -> next.put(state.name(), state));
        collections = Map.copyOf(next);
    }

    public static byte[] key(String collection) {
        return KeyCodec.encodeTuple(List.of(TextNode.valueOf("collection"), TextNode.valueOf(collection)));
    }

    public static byte[] encode(CollectionState state) {
        ObjectNode node = EngineJson.MAPPER.createObjectNode();
        node.put("name", state.name());
        node.put("keyPath", state.keyPath());
        node.put("generateIds", state.schema().generateIds());
        node.put("trackChanges", state.schema().trackChanges());
        state.schema().eviction().ifPresent(policy -> node.put("eviction", policy.toString()));
        state.schema().sensitiveFields().stream().sorted().forEach(node.withArray("sensitiveFields")::add);
        state.schema().queryableFields().stream().sorted().forEach(node.withArray("queryableFields")::add);
        ArrayNode relationships = node.putArray("relationships");
        for (Relationship relationship : state.schema().relationships()) {
            relationships.addObject()
                    .put("name", relationship.name())
                    .put("type", relationship.type().name())
                    .put("target", relationship.target())
                    .put("foreignKey", relationship.foreignKey())
                    .put("onDelete", relationship.onDelete().name());
        }
        ArrayNode indexes = node.putArray("indexes");
        for (IndexState index : state.indexes().values()) {
            ObjectNode i = indexes.addObject();
            i.put("name", index.name());
            ArrayNode fields = i.putArray("fields");
            index.definition().fields().forEach(fields::add);
            i.put("unique", index.definition().unique());
            i.put("keyspace", index.keyspace());
            i.put("multikey", index.multikey());
        }
        try {
            return EngineJson.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new StorageException("cannot encode catalog entry of '" + state.name() + "'", e);
        }
    }

    private static CollectionState decode(KeyValue entry) {
        try {
            JsonNode node = EngineJson.MAPPER.readTree(entry.value());
            CollectionSchema.Builder schema = CollectionSchema.builder(node.get("name").textValue())
                    .keyPath(node.get("keyPath").textValue())
                    .generateIds(node.path("generateIds").asBoolean(false))
                    .trackChanges(node.path("trackChanges").asBoolean(true));
            node.path("sensitiveFields").forEach(f -> schema.sensitiveFields(f.textValue()));
            node.path("queryableFields").forEach(f -> schema.queryableFields(f.textValue()));
            if (node.hasNonNull("eviction")) {
                schema.eviction(EvictionPolicy.parse(node.get("eviction").textValue()));
            }
            for (JsonNode r : node.path("relationships")) {
                schema.relationship(new Relationship(r.get("name").textValue(),
                        Relationship.Type.valueOf(r.get("type").textValue()), r.get("target").textValue(),
                        r.get("foreignKey").textValue(), OnDelete.valueOf(r.get("onDelete").textValue())));
            }
            Map<String, IndexState> indexes = new LinkedHashMap<>();
            for (JsonNode i : node.get("indexes")) {
                List<String> fields = new ArrayList<>();
                i.get("fields").forEach(f -> fields.add(f.textValue()));
                IndexDefinition definition = new IndexDefinition(i.get("name").textValue(), fields, i.get("unique").booleanValue());
                schema.index(definition);
                indexes.put(definition.name(), new IndexState(definition, i.get("keyspace").textValue(),
                        i.get("multikey").booleanValue()));
            }
            return new CollectionState(schema.build(), indexes, true);
        } catch (IOException | RuntimeException e) {
            throw new StorageException("catalog entry is unreadable: " + e.getMessage(), e);
        }
    }
}
