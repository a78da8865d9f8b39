package io.offlinestore.schema;

import io.offlinestore.ConfigurationException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A secondary index over one field or, for a compound index, several: {@code of("last",
 * "first")} orders entries by last name, then first name. A unique index rejects a second
 * document with the same (non-null) values. An array value is indexed once per element.
 *
 * @param name   the index name, unique within its collection
 * @param fields the indexed field paths, in key order
 * @param unique whether two documents may share the indexed values
 */
public record IndexDefinition(String name, List<String> fields, boolean unique) {

    public IndexDefinition {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new ConfigurationException("an index needs at least one field");
        }
        fields = List.copyOf(fields);
        for (String field : fields) {
            FieldPaths.require(field, "indexed field");
        }
        if (new HashSet<>(fields).size() != fields.size()) {
            throw new ConfigurationException("index fields repeat a field: " + fields);
        }
        if (name == null || name.isBlank()) {
            name = String.join("_", fields);
        }
        if (!name.matches("[A-Za-z0-9_.\\-]+")) {
            throw new ConfigurationException("index name '" + name
                    + "' may only contain letters, digits, '_', '.' and '-'");
        }
    }

    /** A non-unique index over the fields, named after them ({@code last_first}). */
    public static IndexDefinition of(String... fields) {
        return new IndexDefinition(null, List.of(fields), false);
    }

    /** A unique index over the fields, named after them. */
    public static IndexDefinition unique(String... fields) {
        return new IndexDefinition(null, List.of(fields), true);
    }

    /** The same index under another name. */
    public IndexDefinition named(String newName) {
        return new IndexDefinition(newName, fields, unique);
    }

    /** Whether the index covers more than one field. */
    public boolean isCompound() {
        return fields.size() > 1;
    }
}
