package io.offlinestore.engine.crypto;

import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.schema.CollectionSchema;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one collection that are sealed: the store-wide ones of the encryption options
 * plus the collection's own. A field declared queryable is sealed deterministically, any other
 * sensitive field with randomized encryption.
 *
 * @param randomized    paths sealed with randomized encryption
 * @param deterministic paths sealed deterministically (queryable by equality)
 */
public record EncryptedFields(Set<String> randomized, Set<String> deterministic) {
    /** No encrypted field. */
    public static final EncryptedFields NONE = new EncryptedFields(Set.of(), Set.of());

    /** How a path relates to the sealed fields. */
    public enum Kind { PLAIN, RANDOMIZED, DETERMINISTIC, INSIDE_SEALED, CONTAINS_SEALED }

    public EncryptedFields {
        randomized = Set.copyOf(randomized);
        deterministic = Set.copyOf(deterministic);
    }

    /** The sealed fields of a collection under the store's options (none without encryption). */
    public static EncryptedFields of(EncryptionOptions store, CollectionSchema schema) {
        Set<String> deterministic = new TreeSet<>(schema.queryableFields());
        Set<String> randomized = new TreeSet<>(schema.sensitiveFields());
        if (store != null) {
            deterministic.addAll(store.queryableFields());
            randomized.addAll(store.sensitiveFields());
        }
        randomized.removeAll(deterministic);
        return new EncryptedFields(randomized, deterministic);
    }

    public boolean isEmpty() {
        return randomized.isEmpty() && deterministic.isEmpty();
    }

    /** Whether a query path is plain, a sealed field, inside one, or an object holding one. */
    public Kind kindOf(String path) {
        if (deterministic.contains(path)) {
            return Kind.DETERMINISTIC;
        }
        if (randomized.contains(path)) {
            return Kind.RANDOMIZED;
        }
        for (String sealed : all()) {
            if (path.startsWith(sealed + ".")) {
                return Kind.INSIDE_SEALED;
            }
            if (sealed.startsWith(path + ".")) {
                return Kind.CONTAINS_SEALED;
            }
        }
        return Kind.PLAIN;
    }

    /** Every sealed path. */
    public Set<String> all() {
        Set<String> all = new TreeSet<>(randomized);
        all.addAll(deterministic);
        return all;
    }
}
