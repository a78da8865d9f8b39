package io.offlinestore.engine.index;

import io.offlinestore.schema.IndexDefinition;
import java.util.Objects;

/**
 * A secondary index as the engine tracks it: its definition, the keyspace holding its entries,
 * and whether any document has given it several entries (a multikey index, which can then not
 * serve a sort and whose range conditions cannot be intersected).
 *
 * @param definition the user's definition
 * @param keyspace   the backend keyspace of its entries
 * @param multikey   whether some document has (or had) more than one entry or an array value
 */
public record IndexState(IndexDefinition definition, String keyspace, boolean multikey) {
    public IndexState {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(keyspace, "keyspace");
    }

    public String name() {
        return definition.name();
    }

    /** This index, marked multikey. */
    public IndexState asMultikey() {
        return multikey ? this : new IndexState(definition, keyspace, true);
    }
}
