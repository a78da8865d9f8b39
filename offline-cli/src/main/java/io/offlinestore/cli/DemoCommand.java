package io.offlinestore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.Change;
import io.offlinestore.ConstraintViolationException;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.TransactionConflictException;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code offline demo}: a guided tour on a fresh store of the CLI's default (persistent, embedded)
 * backend in a temporary directory that is deleted afterwards, whatever the store options say. Declares the seed's users and orders, creates the sample in batches, runs queries (each
 * printed as JSON, with its results as a table), explains an indexed query and a full scan,
 * updates a batch, and shows a unique index rejecting a duplicate. The output is the same on
 * every run.
 */
@Command(name = "demo", description = "Tour the store with the users/orders sample on a fresh store of the default backend in a temporary directory.")
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

    private static final String NEW_USER = "{\"id\":\"user7\",\"name\":\"Grace\",\"email\":\"grace@example.com\","
            + "\"role\":\"customer\",\"created_at\":\"2024-02-01\"}";
    private static final String NEW_ORDER = "{\"id\":\"order470\",\"user_id\":\"user7\",\"total\":12.5,"
            + "\"status\":\"pending\",\"date\":\"2024-03-20\"}";

    @Spec
    private CommandSpec spec;

    private PrintWriter out;
    private int section;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        section = 0;
        out.println("Offline Store demo: the users/orders sample on the " + OfflineCommand.DEFAULT_BACKEND
                + " backend, in a temporary directory deleted afterwards.");
        Path directory = temporaryDirectory();
        try (OfflineStore store = OfflineStore.open(DemoData.options(directory))) {
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
            include(orders);
            restrict(users);
            transaction(store);
            changes(store);
        } finally {
            delete(directory);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("offline-demo");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's temporary directory", e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo's temporary directory " + directory, e);
        }
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

    private void include(DocumentCollection orders) {
        heading("Relationships: pending orders of user123 with their user (include, one query per page)");
        out.println("orders.query: " + PENDING_OF_USER123 + " include [\"user\"]");
        TextTable table = new TextTable(List.of("id", "date", "user.name", "user.email"));
        for (Document order : orders.query(Query.parse(PENDING_OF_USER123).include("user"))) {
            table.add(List.of(order.getString("id"), order.getString("date"), order.getString("user.name"),
                    order.getString("user.email")));
        }
        table.print(out);
    }

    private void restrict(DocumentCollection users) {
        heading("A delete rule: users with orders cannot be deleted (restrict)");
        out.println("users.delete(\"user123\")");
        try {
            users.delete("user123");
            out.println("deleted (unexpected: the orders relationship is restrict)");
        } catch (ConstraintViolationException e) {
            out.println("rejected, ConstraintViolationException: " + e.getMessage());
        }
    }

    private void transaction(OfflineStore store) {
        heading("A transaction across users and orders: all or nothing, optimistic");
        store.inTransaction(tx -> {
            tx.collection("users").create(Document.parse(NEW_USER));
            tx.collection("orders").create(Document.parse(NEW_ORDER));
        });
        out.println("inTransaction: created user7 and order470 in one commit");
        out.println("user7 has " + store.collection("users").get("user7", "orders").orElseThrow().getList("orders").size()
                + " order(s)");
        try (Transaction stale = store.beginTransaction("users")) {
            Document user = stale.collection("users").get("user7").orElseThrow();
            store.collection("users").patch("user7", Document.parse("{\"role\":\"editor\"}"));
            stale.collection("users").update(user.with("role", "admin"));
            stale.commit();
            out.println("committed (unexpected: user7 changed after the transaction read it)");
        } catch (TransactionConflictException e) {
            out.println("a transaction that read user7 before another write changed it: " + e.getMessage());
        }
        out.println("user7's role stays " + store.collection("users").get("user7").orElseThrow().getString("role"));
    }

    private void changes(OfflineStore store) {
        heading("The change log: what a sync engine would send");
        List<Change> pending = store.getChanges();
        out.println(pending.size() + " unsynchronized changes; the last ones:");
        TextTable table = new TextTable(List.of("sequence", "collection", "id", "operation", "version"));
        for (Change change : pending.subList(Math.max(0, pending.size() - 4), pending.size())) {
            table.add(List.of(String.valueOf(change.sequence()), change.collection(), String.valueOf(change.id()),
                    change.operation().name(), String.valueOf(change.version())));
        }
        table.print(out);
        store.markSynchronized(pending);
        out.println("markSynchronized: " + store.getChanges().size() + " left to send");
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
