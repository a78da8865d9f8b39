package io.offlinestore.migrations.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.migrations.Checksums;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationException;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.schema.IndexDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the declarative migrations of a directory: files named {@code V<version>__<description>}
 * with extension {@code .yaml}, {@code .yml} or {@code .json}, each an object with a list of
 * {@code up} operations and optionally {@code down} and {@code description}. Every mistake is a
 * {@link MigrationException} naming the file and the operation.
 */
public final class DeclarativeMigrations {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w[\\w-]*)\\.(yaml|yml|json)");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new JsonMapper();
    private static final Set<String> ROOT_KEYS = Set.of("description", "up", "down");

    private DeclarativeMigrations() {
    }

    /** The migrations of the directory's files, in no particular order. */
    public static List<Migration> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new MigrationException("the migrations directory " + directory + " does not exist");
        }
        List<Migration> migrations = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    migrations.add(read(file, Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '),
                            name.group(3).equals("json") ? JSON : YAML));
                }
            }
        } catch (IOException e) {
            throw new MigrationException("cannot list the migrations directory " + directory + ": " + e.getMessage(), e);
        }
        return migrations;
    }

    private static Migration read(Path file, int version, String described, ObjectMapper mapper) {
        String where = file.getFileName().toString();
        byte[] bytes;
        JsonNode root;
        try {
            bytes = Files.readAllBytes(file);
            root = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new MigrationException(where + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MigrationException(where + " must hold an object with a list of 'up' operations");
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!ROOT_KEYS.contains(key)) {
                throw new MigrationException(where + ": '" + key + "' is not a known key; expected one of " + ROOT_KEYS);
            }
        });
        String description = root.hasNonNull("description") ? root.get("description").asText() : described;
        List<Operation> up = operations(root.get("up"), where + ": up");
        List<Operation> down = root.has("down") ? operations(root.get("down"), where + ": down") : null;
        return new DeclarativeMigration(version, description, Checksums.of(bytes), where, up, down);
    }

    private static List<Operation> operations(JsonNode list, String where) {
        if (list == null || !list.isArray()) {
            throw new MigrationException(where + " must be a list of operations");
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = where + "[" + (i + 1) + "]";
            JsonNode node = list.get(i);
            if (!node.isObject() || node.size() != 1) {
                throw new MigrationException(at + " must be an object with one key, the operation, such as 'add-field'");
            }
            Map.Entry<String, JsonNode> op = node.properties().iterator().next();
            try {
                operations.add(operation(op.getKey(), new Arguments(op.getValue(), at + " " + op.getKey())));
            } catch (MigrationException e) {
                throw e;
            } catch (OfflineStoreException | IllegalArgumentException e) {
                throw new MigrationException(at + " " + op.getKey() + ": " + e.getMessage(), e);
            }
        }
        return operations;
    }

    private static Operation operation(String name, Arguments args) {
        return switch (name) {
            case "add-field" -> new Operation.AddField(args.text("collection"), args.text("path"), args.node("value"));
            case "rename-field" -> new Operation.RenameField(args.text("collection"), args.text("from"), args.text("to"));
            case "remove-field" -> new Operation.RemoveField(args.text("collection"), args.text("path"));
            case "set" -> new Operation.SetFields(args.text("collection"), args.filter(), args.values());
            case "create-index" -> new Operation.CreateIndex(args.text("collection"), args.index());
            case "drop-index" -> new Operation.DropIndex(args.text("collection"), args.text("name"));
            case "rename-collection" -> new Operation.RenameCollection(args.text("from"), args.text("to"));
            case "delete-where" -> new Operation.DeleteWhere(args.text("collection"), args.filter());
            default -> throw new MigrationException(args.where + " is not an operation; expected add-field, "
                    + "rename-field, remove-field, set, create-index, drop-index, rename-collection or delete-where");
        };
    }

    /** An operation's arguments, read strictly. */
    private record Arguments(JsonNode node, String where) {

        JsonNode node(String key) {
            if (!node.isObject() || !node.has(key)) {
                throw new MigrationException(where + " needs '" + key + "'");
            }
            return node.get(key);
        }

        String text(String key) {
            JsonNode value = node(key);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new MigrationException(where + ": '" + key + "' must be a non-blank text");
            }
            return value.asText();
        }

        Filter filter() {
            JsonNode filter = node("filter");
            if (!filter.isObject()) {
                throw new MigrationException(where + ": 'filter' must be an object such as {\"role\": \"admin\"}");
            }
            return Filters.parse(filter.toString());
        }

        Map<String, JsonNode> values() {
            JsonNode values = node("values");
            if (!values.isObject() || values.isEmpty()) {
                throw new MigrationException(where + ": 'values' must be an object of paths and values");
            }
            Map<String, JsonNode> result = new LinkedHashMap<>();
            values.properties().forEach(e -> result.put(e.getKey(), e.getValue()));
            return result;
        }

        IndexDefinition index() {
            JsonNode fields = node("fields");
            if (!fields.isArray() || fields.isEmpty()) {
                throw new MigrationException(where + ": 'fields' must be a non-empty list of paths");
            }
            List<String> paths = new ArrayList<>();
            fields.forEach(f -> paths.add(f.asText()));
            boolean unique = node.path("unique").asBoolean(false);
            IndexDefinition index = unique ? IndexDefinition.unique(paths.toArray(String[]::new))
                    : IndexDefinition.of(paths.toArray(String[]::new));
            return node.has("name") ? index.named(text("name")) : index;
        }
    }
}
