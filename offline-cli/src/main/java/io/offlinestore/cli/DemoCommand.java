package io.offlinestore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.OfflineStore;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code offline demo}: a guided tour on a fresh in-memory store, whatever the store options
 * say. Declares the seed's users and orders, creates the sample in batches, runs queries (each
 * printed as JSON, with its results as a table), explains an indexed query and a full scan,
 * updates a batch, and shows a unique index rejecting a duplicate. The output is the same on
 * every run.
 */
@Command(name = "demo", description = "Tour the store on a fresh in-memory backend with the users/orders sample.")
final class DemoCommand implements Callable<Integer> {
    private static final String ADMINS_SINCE_2023 = "{\"filters\":{\"role\":\"admin\",\"created_at\":{\"$gt\":\"2023-01-01\"}},"
            + "\"sort\":[{\"field\":\"name\",\"direction\":\"asc\"}]}";
    private static final String PENDING_OF_USER123 = "{\"filters\":{\"user_id\":\"user123\",\"status\":\"pending\"},"
            + "\"sort\":[{\"field\":\"date\",\"direction\":\"desc\"}]}";
    private static final String SHIPPED_OR_DELIVERED = "{\"filters\":{\"status\":{\"$in\":[\"shipped\",\"delivered\"]}},"
            + "\"sort\":[{\"field\":\"total\",\"direction\":\"desc\"}]}";
    private static final String OVER_50 = "{\"filters\":{\"total\":{\"$gt\":50}}}";
    private static final List<String> ROLE_UPDATES = List.of("{\"id\":\"user1\",\"role\":\"admin\"}",
            "{\"id\":\"user2\",\"role\":\"editor\"}", "{\"id\":\"user3\",\"role\":\"viewer\"}");
    private static final String DUPLICATE_EMAIL = "{\"id\":\"user6\",\"name\":\"Alice Again\",\"email\":\"alice@example.com\","
            + "\"role\":\"viewer\",\"created_at\":\"2024-01-08\"}";

    @Spec
    private CommandSpec spec;

    private PrintWriter out;
    private int section;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        section = 0;
        out.println("Offline Store demo: the users/orders sample on the in-memory backend (nothing is saved).");
        try (OfflineStore store = OfflineStore.open(DemoData.options())) {
            DocumentCollection users = store.collection("users");
            DocumentCollection orders = store.collection("orders");
            declare(store);
            create(users, orders);
            read(users);
            query("Query: admins created after 2023-01-01, by name", users, ADMINS_SINCE_2023);
            batchUpdate(users);
            query("Query: pending orders of user123, newest first", orders, PENDING_OF_USER123);
            query("Query with $in: orders shipped or delivered, largest first", orders, SHIPPED_OR_DELIVERED);
            count(orders);
            explain("Explain: a query an index serves", users, ADMINS_SINCE_2023);
            explain("Explain: a query no index serves (full scan)", orders, OVER_50);
            uniqueViolation(users);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void declare(OfflineStore store) {
        heading("Declare the collections (StoreOptions.collection)");
        TextTable table = new TextTable(List.of("collection", "key path", "indexes"));
        for (CollectionSchema schema : store.schemas()) {
            table.add(List.of(schema.name(), schema.keyPath(),
                    schema.indexes().stream().map(DemoCommand::describe).collect(Collectors.joining("; "))));
        }
        table.print(out);
    }

    private static String describe(IndexDefinition index) {
        return index.name() + " (" + String.join(", ", index.fields()) + (index.unique() ? ", unique" : "") + ")";
    }

    private void create(DocumentCollection users, DocumentCollection orders) {
        heading("Create the sample, one atomic batch per collection (createBatch)");
        List<Document> createdUsers = users.createBatch(DemoData.users());
        out.println("users.createBatch: " + createdUsers.size() + " documents");
        table(createdUsers);
        out.println();
        List<Document> createdOrders = orders.createBatch(DemoData.orders());
        out.println("orders.createBatch: " + createdOrders.size() + " documents");
        table(createdOrders);
    }

    private void read(DocumentCollection users) {
        heading("Read a record by id");
        out.println("users.get(\"user123\")");
        out.println(users.get("user123").map(Document::toJson).orElse("(none)"));
    }

    private void query(String title, DocumentCollection collection, String json) {
        heading(title);
        runQuery(collection, json);
    }

    private void runQuery(DocumentCollection collection, String json) {
        out.println(collection.name() + ".query: " + json);
        List<Document> results = collection.query(Query.parse(json));
        table(results);
        out.println("(" + results.size() + (results.size() == 1 ? " document)" : " documents)"));
    }

    private void batchUpdate(DocumentCollection users) {
        heading("Batch update, all or nothing (updateBatch merges each partial into its document)");
        out.println("users.updateBatch: [" + String.join(",", ROLE_UPDATES) + "]");
        table(users.updateBatch(ROLE_UPDATES.stream().map(Document::parse).toList()));
        out.println();
        out.println("The admins query again, now with Alice:");
        runQuery(users, ADMINS_SINCE_2023);
    }

    private void count(DocumentCollection orders) {
        heading("Count: orders over 50");
        out.println("orders.count: " + OVER_50);
        out.println(orders.count(Query.parse(OVER_50).filter()) + " orders match");
    }

    private void explain(String title, DocumentCollection collection, String json) {
        heading(title);
        out.println(collection.name() + ".explain: " + json);
        collection.explain(Query.parse(json)).toString().lines().forEach(line -> out.println("  " + line));
    }

    private void uniqueViolation(DocumentCollection users) {
        heading("A unique index rejects a duplicate email");
        out.println("users.create: " + DUPLICATE_EMAIL);
        try {
            users.create(Document.parse(DUPLICATE_EMAIL));
            out.println("accepted (unexpected: the email index is unique)");
        } catch (DuplicateKeyException e) {
            out.println("rejected, DuplicateKeyException: " + e.getMessage());
        }
        out.println("users still holds " + users.count() + " documents: nothing of the failed write was stored.");
    }

    private void heading(String title) {
        section++;
        out.println();
        out.println("== " + section + ". " + title + " ==");
    }

    /** Documents as a table, one column per top-level field in order of first appearance. */
    private void table(List<Document> documents) {
        Set<String> fields = new LinkedHashSet<>();
        documents.forEach(document -> fields.addAll(document.fieldNames()));
        TextTable table = new TextTable(List.copyOf(fields));
        for (Document document : documents) {
            List<String> cells = new ArrayList<>();
            for (String field : fields) {
                JsonNode value = document.getNode(field);
                cells.add(value == null ? "" : value.isTextual() ? value.textValue() : value.toString());
            }
            table.add(cells);
        }
        table.print(out);
    }
}
