package io.offlinestore.migrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.Document;
import io.offlinestore.migrations.MigrationContext;
import io.offlinestore.query.Filter;
import io.offlinestore.schema.IndexDefinition;
import java.util.Map;
import java.util.Optional;

/** One operation of a declarative migration, with its inverse where one exists. */
sealed interface Operation {

    void apply(MigrationContext ctx);

    /** The operation that undoes this one, if any (none by default). */
    default Optional<Operation> inverse() {
        return Optional.empty();
    }

    record AddField(String collection, String path, JsonNode value) implements Operation {
        @Override
        public void apply(MigrationContext ctx) {
            ctx.addField(collection, path, value);
        }

        @Override
        public Optional<Operation> inverse() {
            return Optional.of(new RemoveField(collection, path));
        }
    }

    record RenameField(String collection, String from, String to) implements Operation {
        @Override
        public void apply(MigrationContext ctx) {
            ctx.renameField(collection, from, to);
        }

        @Override
        public Optional<Operation> inverse() {
            return Optional.of(new RenameField(collection, to, from));
        }
    }

    record RemoveField(String collection, String path) implements Operation {
        @Override
        public void apply(MigrationContext ctx) {
            ctx.removeField(collection, path);
        }
    }

    record SetFields(String collection, Filter filter, Map<String, JsonNode> values) implements Operation {
        @Override
        public void apply(MigrationContext ctx) {
            ctx.transform(collection, filter, doc -> {
                Document result = doc;
                for (Map.Entry<String, JsonNode> value : values.entrySet()) {
                    result = result.with(value.getKey(), value.getValue());
                }
                return result;
            });
        }
    }

    record CreateIndex(String collection, IndexDefinition index) implements Operation {
        @Override
        public void apply(MigrationContext ctx) {
            ctx.createIndex(collection, index);
        }

        @Override
        public Optional<Operation> inverse() {
            return Optional.of(new DropIndex(collection, index.name()));
        }
    }

    record DropIndex(String collection, String name) implements Operation {
        @Override
        public void apply(MigrationContext ctx) {
            ctx.dropIndex(collection, name);
        }
    }

    record RenameCollection(String from, String to) implements Operation {
        @Override
        public void apply(MigrationContext ctx) {
            ctx.renameCollection(from, to);
        }

        @Override
        public Optional<Operation> inverse() {
            return Optional.of(new RenameCollection(to, from));
        }
    }

    record DeleteWhere(String collection, Filter filter) implements Operation {
        @Override
        public void apply(MigrationContext ctx) {
            ctx.deleteWhere(collection, filter);
        }
    }
}
