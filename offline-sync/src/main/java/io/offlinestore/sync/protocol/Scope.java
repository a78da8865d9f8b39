package io.offlinestore.sync.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a client pulls of one collection: every document, or those matching a filter in the
 * store's MongoDB-style JSON form (equality, {@code $eq $ne $gt $gte $lt $lte $in $nin $exists},
 * {@code $and}).
 *
 * @param collection the collection
 * @param filter     the filter, or null for the whole collection
 */
public record Scope(String collection, ObjectNode filter) {

    public Scope {
        Objects.requireNonNull(collection, "collection");
        if (filter != null && filter.isEmpty()) {
            filter = null;
        }
    }

    /** The whole collection. */
    public static Scope all(String collection) {
        return new Scope(collection, null);
    }

    /** A stable name for the scope, used to key its checkpoint. */
    public String name() {
        return filter == null ? collection : collection + filter;
    }
}
