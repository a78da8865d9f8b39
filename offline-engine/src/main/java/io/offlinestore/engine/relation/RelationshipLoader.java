package io.offlinestore.engine.relation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.QueryException;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.query.FieldPath;
import io.offlinestore.engine.codec.EngineJson;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.Relationship;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads related documents into a page of results, one query per relationship for the whole page
 * (never one per document): a one-to-many relationship queries the target's foreign key with
 * {@code $in} of the page's ids, a many-to-one one queries the target's ids with {@code $in} of the
 * page's foreign keys. Nested paths ({@code items.product}) load on the related documents in turn.
 * Related documents are matched to the page's by the encoded bytes of ids and foreign keys, and
 * each child goes to its one parent as it was read, without a copy.
 */
public final class RelationshipLoader {
    private final Function<String, CollectionState> collections;
    private final DocumentReader reader;

    public RelationshipLoader(Function<String, CollectionState> collections, DocumentReader reader) {
        this.collections = collections;
        this.reader = reader;
    }

    /** Adds the included relationships to each document (which must be mutable copies). */
    public void load(CollectionState state, List<ObjectNode> documents, List<String> include) {
        if (include.isEmpty() || documents.isEmpty()) {
            return;
        }
        Map<String, List<String>> byFirst = new LinkedHashMap<>();
        for (String path : include) {
            int dot = path.indexOf('.');
            String first = dot < 0 ? path : path.substring(0, dot);
            List<String> rest = byFirst.computeIfAbsent(first, k -> new ArrayList<>());
            if (dot >= 0) {
                rest.add(path.substring(dot + 1));
            }
        }
        for (Map.Entry<String, List<String>> entry : byFirst.entrySet()) {
            Relationship relationship = state.schema().relationship(entry.getKey()).orElseThrow(() -> new QueryException(
                    "include", "collection '" + state.name() + "' has no relationship '" + entry.getKey() + "'"
                    + (state.schema().relationships().isEmpty() ? "" : " (it has: " + state.schema().relationships()
                    .stream().map(Relationship::name).toList() + ")")));
            CollectionState target = collections.apply(relationship.target());
            if (relationship.type() == Relationship.Type.ONE_TO_MANY) {
                loadChildren(state, target, relationship, documents, entry.getValue());
            } else {
                loadParents(target, relationship, documents, entry.getValue());
            }
        }
    }

    private void loadChildren(CollectionState state, CollectionState target, Relationship relationship,
                              List<ObjectNode> parents, List<String> nested) {
        FieldPath id = FieldPath.of(state.keyPath());
        Set<JsonNode> ids = new LinkedHashSet<>();
        parents.forEach(parent -> ids.add(id.value(parent)));
        List<ObjectNode> children = reader.query(target, Query.filter(Filters.where(relationship.foreignKey()).in(ids)));
        load(target, children, nested);
        FieldPath foreignKey = FieldPath.of(relationship.foreignKey());
        Map<ByteBuffer, ArrayNode> byParent = new HashMap<>();
        for (ObjectNode child : children) {
            byParent.computeIfAbsent(key(foreignKey.value(child)), k -> EngineJson.MAPPER.createArrayNode()).add(child);
        }
        for (ObjectNode parent : parents) {
            ArrayNode mine = byParent.remove(key(id.value(parent)));
            parent.set(relationship.name(), mine == null ? EngineJson.MAPPER.createArrayNode() : mine);
        }
    }

    private void loadParents(CollectionState target, Relationship relationship, List<ObjectNode> children,
                             List<String> nested) {
        FieldPath foreignKey = FieldPath.of(relationship.foreignKey());
        Set<JsonNode> keys = new LinkedHashSet<>();
        for (ObjectNode child : children) {
            JsonNode key = foreignKey.value(child);
            if (key.isTextual() || key.isIntegralNumber()) {
                keys.add(key);
            }
        }
        Map<ByteBuffer, ObjectNode> byId = new HashMap<>();
        if (!keys.isEmpty()) {
            List<ObjectNode> parents = reader.query(target, Query.filter(Filters.where(target.keyPath()).in(keys)));
            load(target, parents, nested);
            FieldPath id = FieldPath.of(target.keyPath());
            parents.forEach(parent -> byId.put(key(id.value(parent)), parent));
        }
        Set<ByteBuffer> handed = new HashSet<>();
        for (ObjectNode child : children) {
            ByteBuffer key = key(foreignKey.value(child));
            ObjectNode parent = byId.get(key);
            child.set(relationship.name(), parent == null ? EngineJson.MAPPER.nullNode()
                    : handed.add(key) ? parent : parent.deepCopy());
        }
    }

    /**
     * A value as the store's keys encode it, to match ids with foreign keys by encoded bytes:
     * numbers by value whatever their node type, as indexes compare them.
     */
    private static ByteBuffer key(JsonNode value) {
        return ByteBuffer.wrap(KeyCodec.encode(value));
    }
}
