package io.offlinestore.cli;

import io.offlinestore.Document;
import io.offlinestore.StoreOptions;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's data, after the users/orders sample of the seed: the two collection schemas and
 * the sample documents (JSON-lines resources beside this class).
 */
final class DemoData {
    /** Users: unique email, name, and role then creation date for "admins created after ...". */
    static final CollectionSchema USERS = CollectionSchema.builder("users").keyPath("id")
            .index(IndexDefinition.unique("email"))
            .index(IndexDefinition.of("name"))
            .index(IndexDefinition.of("role", "created_at"))
            .relationship(Relationship.oneToMany("orders", "orders", "user_id").onDelete(OnDelete.RESTRICT))
            .build();

    /** Orders: by user and by date; each order's user is an include away. */
    static final CollectionSchema ORDERS = CollectionSchema.builder("orders").keyPath("id")
            .index(IndexDefinition.of("user_id"))
            .index(IndexDefinition.of("date"))
            .relationship(Relationship.manyToOne("user", "users", "user_id"))
            .build();

    private DemoData() {
    }

    /** A fresh in-memory store declaring both collections. */
    static StoreOptions options(Path directory) {
        return StoreOptions.builder().backend(OfflineCommand.DEFAULT_BACKEND).path(directory).databaseName("demo")
                .collection(USERS).collection(ORDERS).build();
    }

    /** The sample users. */
    static List<Document> users() {
        return read("demo/users.jsonl");
    }

    /** The sample orders. */
    static List<Document> orders() {
        return read("demo/orders.jsonl");
    }

    private static List<Document> read(String resource) {
        InputStream in = DemoData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("demo resource " + resource + " is missing from the jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank()).map(Document::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
