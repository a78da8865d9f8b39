package io.offlinestore.sync.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.sync.InvalidOperationException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Cached read results, one document per API method and arguments, keyed by a SHA-256 of the
 * method's signature and its arguments' JSON.
 */
final class ResponseCache {
    private static final IndexDefinition BY_METHOD = IndexDefinition.of("api", "method");

    private final OfflineStore store;
    private final String collection;
    private final ObjectMapper mapper;

    ResponseCache(OfflineStore store, String collection, ObjectMapper mapper) {
        this.store = store;
        this.collection = collection;
        this.mapper = mapper;
        DocumentCollection entries = store.collection(collection);
        if (entries.schema().index(BY_METHOD.name()).isEmpty()) {
            entries.createIndex(BY_METHOD);
        }
    }

    /** A cached value and when it was stored. */
    record Entry(JsonNode value, Instant storedAt) {
    }

    String key(Method method, Object[] args) {
        String signature = method.getDeclaringClass().getName() + "#" + method.getName()
                + Arrays.toString(method.getParameterTypes());
        try {
            String arguments = mapper.writeValueAsString(args == null ? new Object[0] : args);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((signature + arguments).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException e) {
            throw new InvalidOperationException("the arguments of " + method.getName()
                    + " cannot be written as JSON for a cache key: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    Optional<Entry> get(String key) {
        return store.collection(collection).get(key)
                .map(d -> new Entry(d.getNode("value"), Instant.ofEpochMilli(d.getLong("storedAt"))));
    }

    void put(String key, Method method, Object value, Instant now) {
        ObjectNode tree = mapper.createObjectNode();
        tree.put("id", key);
        tree.put("api", method.getDeclaringClass().getName());
        tree.put("method", method.getName());
        tree.set("value", mapper.valueToTree(value));
        tree.put("storedAt", now.toEpochMilli());
        store.collection(collection).put(Document.of(tree));
    }

    /** Drops every cached result of the named methods of the API. */
    int invalidate(Class<?> api, List<String> methods) {
        if (methods.isEmpty()) {
            return 0;
        }
        DocumentCollection entries = store.collection(collection);
        List<Object> ids = entries.query(Query.filter(Filters.and(Filters.where("api").eq(api.getName()),
                Filters.where("method").in(methods)))).stream().map(Document::id).toList();
        return ids.isEmpty() ? 0 : entries.deleteBatch(ids);
    }
}
