package io.offlinestore.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.offlinestore.ConfigurationException;
import io.offlinestore.Durability;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.EvictionStrategy;
import io.offlinestore.StoreOptions;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.schema.CachePolicy;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads store options from YAML, JSON or properties files. All three become one tree under the
 * {@code offline} namespace (dotted keys are expanded into nested objects), which is then bound
 * strictly: an unknown key or a bad value is a {@link ConfigurationException} naming the file
 * and the key.
 */
public final class OptionsLoader {
    private static final String ROOT = "offline";
    private static final Set<String> STORE_KEYS =
            Set.of("backend", "path", "database-name", "version", "durability", "collections", "settings",
                    "transaction-retries", "transaction-timeout", "change-retention", "encryption", "migrations",
                    "size-limit", "eviction-strategy", "eviction-interval", "cache-size");
    private static final Set<String> MIGRATION_KEYS = Set.of("directory", "allow-downgrade", "run-at-open");
    private static final Set<String> ENCRYPTION_KEYS =
            Set.of("sensitive-fields", "queryable-fields", "passphrase-env", "cipher", "algorithm");
    private static final Set<String> COLLECTION_KEYS = Set.of("name", "key-path", "generate-ids", "track-changes", "indexes",
            "relationships", "sensitive-fields", "queryable-fields", "eviction", "cache");
    private static final Set<String> CACHE_KEYS = Set.of("max-bytes", "expire-after-access");
    private static final Set<String> RELATIONSHIP_KEYS = Set.of("name", "type", "target", "foreign-key", "on-delete");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(KB|MB|GB)?");
    private static final Set<String> INDEX_KEYS = Set.of("name", "fields", "unique");

    private final Path file;

    private OptionsLoader(Path file) {
        this.file = file;
    }

    /** A builder filled from the file, so callers can still override single options. */
    public static StoreOptions.Builder load(Path file) {
        return new OptionsLoader(file).bind(new OptionsLoader(file).read());
    }

    private ObjectNode read() {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("config file " + file + " does not exist");
        }
        try {
            JsonNode tree;
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                tree = new YAMLMapper().readTree(file.toFile());
            } else if (name.endsWith(".json")) {
                tree = Json.MAPPER.readTree(file.toFile());
            } else if (name.endsWith(".properties")) {
                tree = properties();
            } else {
                throw new ConfigurationException("config file " + file
                        + " must end in .yaml, .yml, .json or .properties");
            }
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                tree = Json.MAPPER.createObjectNode();
            }
            if (!tree.isObject()) {
                throw new ConfigurationException("config file " + file + " must hold an object of keys");
            }
            return expand((ObjectNode) tree);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode properties() throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        }
        ObjectNode tree = Json.MAPPER.createObjectNode();
        for (String key : props.stringPropertyNames()) {
            tree.put(key, props.getProperty(key).trim());
        }
        return tree;
    }

    /** Turns {@code {"a.b": 1}} into {@code {"a": {"b": 1}}}, recursively. */
    private ObjectNode expand(ObjectNode node) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue().isObject() ? expand((ObjectNode) entry.getValue()) : entry.getValue();
            String[] parts = entry.getKey().split("\\.");
            ObjectNode parent = out;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = parent.get(parts[i]);
                if (child == null) {
                    parent = parent.putObject(parts[i]);
                } else if (child.isObject()) {
                    parent = (ObjectNode) child;
                } else {
                    throw fail(entry.getKey(), "conflicts with a value set at '" + parts[i] + "'");
                }
            }
            String last = parts[parts.length - 1];
            JsonNode existing = parent.get(last);
            if (existing != null && existing.isObject() && value.isObject()) {
                ((ObjectNode) existing).setAll((ObjectNode) value);
            } else if (existing != null) {
                throw fail(entry.getKey(), "is set twice");
            } else {
                parent.set(last, value);
            }
        }
        return out;
    }

    private StoreOptions.Builder bind(ObjectNode tree) {
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals(ROOT)) {
                throw fail(key, "is not an Offline Store key (keys start with 'offline.')");
            }
        }
        JsonNode root = tree.path(ROOT);
        StoreOptions.Builder builder = StoreOptions.builder();
        if (!root.isObject()) {
            return builder;
        }
        checkKeys(root, STORE_KEYS, ROOT);
        apply(root, "backend", ROOT, v -> builder.backend(text(v, "offline.backend")));
        apply(root, "path", ROOT, v -> builder.path(resolve(text(v, "offline.path"))));
        apply(root, "database-name", ROOT, v -> builder.databaseName(text(v, "offline.database-name")));
        apply(root, "version", ROOT, v -> builder.version(integer(v, "offline.version")));
        apply(root, "durability", ROOT, v -> builder.durability(durability(text(v, "offline.durability"))));
        apply(root, "transaction-retries", ROOT,
                v -> builder.transactionRetries(integer(v, "offline.transaction-retries")));
        apply(root, "transaction-timeout", ROOT,
                v -> builder.transactionTimeout(duration(text(v, "offline.transaction-timeout"))));
        apply(root, "change-retention", ROOT, v -> builder.changeRetention(duration(text(v, "offline.change-retention"))));
        apply(root, "size-limit", ROOT, v -> builder.sizeLimit(Quantities.bytes(text(v, "offline.size-limit"))));
        apply(root, "eviction-strategy", ROOT,
                v -> builder.evictionStrategy(strategy(text(v, "offline.eviction-strategy"))));
        apply(root, "eviction-interval", ROOT,
                v -> builder.evictionInterval(Quantities.duration(text(v, "offline.eviction-interval"))));
        apply(root, "cache-size", ROOT, v -> builder.cacheSize(bytes(v, "offline.cache-size")));
        JsonNode encryption = root.path("encryption");
        if (!encryption.isMissingNode()) {
            builder.encryption(encryption(encryption));
        }
        JsonNode migrations = root.path("migrations");
        if (!migrations.isMissingNode()) {
            migrations(migrations, builder);
        }
        JsonNode settings = root.path("settings");
        if (settings.isObject()) {
            flatten(settings, "").forEach(builder::setting);
        }
        JsonNode collections = root.path("collections");
        if (!collections.isMissingNode()) {
            collections(collections).forEach(builder::collection);
        }
        return builder;
    }

    private List<CollectionSchema> collections(JsonNode node) {
        List<CollectionSchema> schemas = new ArrayList<>();
        String where = "offline.collections";
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode c = node.get(i);
                String at = where + "[" + i + "]";
                schemas.add(collection(text(c.path("name"), at + ".name"), c, at));
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> schemas.add(collection(e.getKey(), e.getValue(), where + "." + e.getKey())));
        } else {
            throw fail(where, "must be a list or a map of collections");
        }
        return schemas;
    }

    private CollectionSchema collection(String name, JsonNode node, String where) {
        if (!node.isObject()) {
            throw fail(where, "must be an object");
        }
        checkKeys(node, COLLECTION_KEYS, where);
        try {
            CollectionSchema.Builder builder = CollectionSchema.builder(name);
            apply(node, "key-path", where, v -> builder.keyPath(text(v, where + ".key-path")));
            apply(node, "generate-ids", where, v -> builder.generateIds(bool(v, where + ".generate-ids")));
            apply(node, "track-changes", where, v -> builder.trackChanges(bool(v, where + ".track-changes")));
            apply(node, "sensitive-fields", where,
                    v -> builder.sensitiveFields(list(v, where + ".sensitive-fields").toArray(String[]::new)));
            apply(node, "queryable-fields", where,
                    v -> builder.queryableFields(list(v, where + ".queryable-fields").toArray(String[]::new)));
            apply(node, "eviction", where, v -> builder.eviction(eviction(v, where + ".eviction")));
            apply(node, "cache", where, v -> builder.cache(cachePolicy(v, where + ".cache")));
            JsonNode relationships = node.path("relationships");
            if (relationships.isArray()) {
                for (int i = 0; i < relationships.size(); i++) {
                    JsonNode r = relationships.get(i);
                    String at = where + ".relationships[" + i + "]";
                    builder.relationship(relationship(text(r.path("name"), at + ".name"), r, at));
                }
            } else if (relationships.isObject()) {
                relationships.properties().forEach(e -> builder.relationship(
                        relationship(e.getKey(), e.getValue(), where + ".relationships." + e.getKey())));
            } else if (!relationships.isMissingNode()) {
                throw fail(where + ".relationships", "must be a list or a map of relationships");
            }
            JsonNode indexes = node.path("indexes");
            if (indexes.isArray()) {
                for (int i = 0; i < indexes.size(); i++) {
                    JsonNode index = indexes.get(i);
                    builder.index(index(index.path("name").isMissingNode() ? null
                            : text(index.get("name"), where + ".indexes[" + i + "].name"), index, where + ".indexes[" + i + "]"));
                }
            } else if (indexes.isObject()) {
                indexes.properties().forEach(e ->
                        builder.index(index(e.getKey(), e.getValue(), where + ".indexes." + e.getKey())));
            } else if (!indexes.isMissingNode()) {
                throw fail(where + ".indexes", "must be a list or a map of indexes");
            }
            return builder.build();
        } catch (ConfigurationException e) {
            if (e.getMessage().startsWith("config file")) {
                throw e;
            }
            throw fail(where, e.getMessage());
        }
    }

    /**
     * {@code none}, {@code shared}, or an object with {@code max-bytes} (a collection's own cache)
     * and/or {@code expire-after-access} (an ISO-8601 duration).
     */
    private CachePolicy cachePolicy(JsonNode node, String where) {
        if (node.isValueNode()) {
            return switch (text(node, where).trim().toLowerCase(Locale.ROOT)) {
                case "none" -> CachePolicy.none();
                case "shared" -> CachePolicy.shared();
                default -> throw fail(where, "must be none, shared, or an object with max-bytes and/or "
                        + "expire-after-access, got '" + node.asText() + "'");
            };
        }
        if (!node.isObject()) {
            throw fail(where, "must be none, shared, or an object with max-bytes and/or expire-after-access");
        }
        checkKeys(node, CACHE_KEYS, where);
        JsonNode max = node.get("max-bytes");
        JsonNode idle = node.get("expire-after-access");
        Duration expiry = idle == null ? null : duration(text(idle, where + ".expire-after-access"));
        if (max == null) {
            return expiry == null ? CachePolicy.shared() : CachePolicy.expireAfterAccess(expiry);
        }
        long maxBytes = bytes(max, where + ".max-bytes");
        return expiry == null ? CachePolicy.of(maxBytes) : CachePolicy.of(maxBytes, expiry);
    }

    /** A byte count: a whole number, or one with a unit of KB, MB or GB (powers of 1024). */
    private long bytes(JsonNode value, String key) {
        String text = text(value, key).trim().toUpperCase(Locale.ROOT);
        Matcher m = BYTES.matcher(text);
        if (!m.matches()) {
            throw fail(key, "must be a byte count such as 67108864, 512KB, 64MB or 1GB, got '" + value.asText() + "'");
        }
        long unit = m.group(2) == null ? 1 : switch (m.group(2)) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            default -> 1L << 30;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw fail(key, "is too large: '" + value.asText() + "'");
        }
    }

    private void migrations(JsonNode node, StoreOptions.Builder builder) {
        String where = "offline.migrations";
        if (!node.isObject()) {
            throw fail(where, "must be an object");
        }
        checkKeys(node, MIGRATION_KEYS, where);
        apply(node, "directory", where, v -> builder.migrationsDirectory(resolve(text(v, where + ".directory"))));
        apply(node, "allow-downgrade", where, v -> builder.allowDowngrade(bool(v, where + ".allow-downgrade")));
        apply(node, "run-at-open", where, v -> builder.migrateOnOpen(bool(v, where + ".run-at-open")));
    }

    private EncryptionOptions encryption(JsonNode node) {
        String where = "offline.encryption";
        if (!node.isObject()) {
            throw fail(where, "must be an object");
        }
        checkKeys(node, ENCRYPTION_KEYS, where);
        EncryptionOptions.Builder builder = EncryptionOptions.builder();
        apply(node, "sensitive-fields", where,
                v -> builder.sensitiveFields(list(v, where + ".sensitive-fields").toArray(String[]::new)));
        apply(node, "queryable-fields", where,
                v -> builder.queryableFields(list(v, where + ".queryable-fields").toArray(String[]::new)));
        apply(node, "passphrase-env", where, v -> builder.passphraseFromEnvironment(text(v, where + ".passphrase-env")));
        apply(node, "cipher", where, v -> builder.cipher(text(v, where + ".cipher")));
        apply(node, "algorithm", where, v -> builder.algorithm(text(v, where + ".algorithm")));
        try {
            return builder.build();
        } catch (ConfigurationException e) {
            throw fail(where, e.getMessage() + " (a config file never holds the passphrase: name its variable in "
                    + where + ".passphrase-env)");
        }
    }

    private List<String> list(JsonNode value, String key) {
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> out.add(text(v, key)));
        } else {
            for (String part : text(value, key).split(",")) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private Relationship relationship(String name, JsonNode node, String where) {
        if (!node.isObject()) {
            throw fail(where, "must be an object with type, target and foreign-key");
        }
        checkKeys(node, RELATIONSHIP_KEYS, where);
        String type = text(node.path("type"), where + ".type").toLowerCase(Locale.ROOT);
        String target = text(node.path("target"), where + ".target");
        String foreignKey = text(node.path("foreign-key"), where + ".foreign-key");
        Relationship relationship = switch (type) {
            case "one-to-many" -> Relationship.oneToMany(name, target, foreignKey);
            case "many-to-one" -> Relationship.manyToOne(name, target, foreignKey);
            default -> throw fail(where + ".type", "must be one-to-many or many-to-one, got '" + type + "'");
        };
        if (!node.path("on-delete").isMissingNode()) {
            String rule = text(node.get("on-delete"), where + ".on-delete").toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                relationship = relationship.onDelete(OnDelete.valueOf(rule));
            } catch (IllegalArgumentException e) {
                throw fail(where + ".on-delete", "must be none, restrict, cascade or set-null, got '"
                        + node.get("on-delete").asText() + "'");
            }
        }
        return relationship;
    }

    private IndexDefinition index(String name, JsonNode node, String where) {
        if (!node.isObject()) {
            throw fail(where, "must be an object with 'fields'");
        }
        checkKeys(node, INDEX_KEYS, where);
        JsonNode fields = node.path("fields");
        List<String> names = new ArrayList<>();
        if (fields.isArray()) {
            fields.forEach(f -> names.add(text(f, where + ".fields")));
        } else if (fields.isTextual()) {
            for (String f : fields.textValue().split(",")) {
                names.add(f.trim());
            }
        } else {
            throw fail(where + ".fields", "must be a list of field paths or a comma-separated string");
        }
        boolean unique = !node.path("unique").isMissingNode() && bool(node.get("unique"), where + ".unique");
        return new IndexDefinition(name, names, unique);
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw fail(where + "." + key, "is not a known key; expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private void apply(JsonNode node, String key, String where, Consumer<JsonNode> setter) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return;
        }
        try {
            setter.accept(value);
        } catch (ConfigurationException e) {
            if (e.getMessage().startsWith("config file")) {
                throw e;
            }
            throw fail(where + "." + key, e.getMessage());
        }
    }

    private Map<String, String> flatten(JsonNode node, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                out.putAll(flatten(e.getValue(), key));
            } else {
                out.put(key, e.getValue().asText());
            }
        });
        return out;
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        Path dir = file.toAbsolutePath().getParent();
        return p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize();
    }

    private String text(JsonNode value, String key) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw fail(key, "must be a string");
        }
        return value.asText();
    }

    private int integer(JsonNode value, String key) {
        String text = value.asText().trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw fail(key, "must be an integer, got '" + text + "'");
        }
    }

    private boolean bool(JsonNode value, String key) {
        String text = value.asText().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw fail(key, "must be true or false, got '" + text + "'");
        };
    }

    private Duration duration(String text) {
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("must be an ISO-8601 duration such as P7D or PT12H, got '" + text + "'");
        }
    }

    /** {@code {strategy: max-age, max-age: 7d}}, or the one-string form {@code "max-age 7d"}. */
    private EvictionPolicy eviction(JsonNode node, String where) {
        if (!node.isObject()) {
            return EvictionPolicy.parse(text(node, where));
        }
        String strategy = text(node.path("strategy"), where + ".strategy");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("strategy") && !key.equals(strategy)) {
                throw fail(where + "." + key, "is not a key of eviction strategy '" + strategy
                        + "'; write {strategy: " + strategy + ", " + strategy + ": VALUE}");
            }
        }
        JsonNode value = node.get(strategy);
        return EvictionPolicy.parse(strategy, value == null ? null : text(value, where + "." + strategy));
    }

    private EvictionStrategy strategy(String text) {
        try {
            return EvictionStrategy.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("must be 'none' or 'lru', got '" + text + "'");
        }
    }

    private Durability durability(String text) {
        try {
            return Durability.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("must be 'sync' or 'relaxed', got '" + text + "'");
        }
    }

    private ConfigurationException fail(String key, String problem) {
        return new ConfigurationException("config file " + file + ": " + key + " " + problem);
    }
}
