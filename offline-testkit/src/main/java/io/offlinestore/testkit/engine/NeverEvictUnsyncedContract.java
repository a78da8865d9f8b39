package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Change;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Eviction never loses a pending change: random writes, deletes, partial and full syncs and
 * eviction passes over a collection whose policy keeps only two documents, checked against a
 * model after every step. A document with unsynchronized changes always reads as its last
 * write (or stays deleted), every pending change is still in the change log, and a document
 * eviction removed never comes back.
 */
public abstract class NeverEvictUnsyncedContract {
    private Path directory;
    private OfflineStore store;
    private int collections;

    /** Options selecting the backend under test, storing under {@code directory}. */
    protected abstract StoreOptions.Builder configure(Path directory);

    /** One step: 0 write, 1 delete, 2 sync the id's changes, 3 sync everything, 4 evict. */
    record Step(int kind, long id) {
    }

    @BeforeProperty
    void openStore() throws IOException {
        directory = Files.createTempDirectory("never-evict-unsynced");
        store = OfflineStore.open(configure(directory).build());
    }

    @AfterProperty
    void closeStore() {
        store.close();
        Directories.deleteTree(directory);
    }

    @Property(tries = 60)
    void noPendingChangeIsEverLost(@ForAll("steps") List<Step> steps) {
        String name = "c" + collections++;
        store.setEvictionPolicy(name, EvictionPolicy.maxDocuments(2));
        DocumentCollection collection = store.collection(name);
        Map<Long, Document> present = new HashMap<>();
        Set<Long> pending = new HashSet<>();
        int version = 0;
        for (Step step : steps) {
            long id = step.id();
            switch (step.kind()) {
                case 0 -> {
                    Document doc = Document.parse("{\"id\":" + id + ",\"v\":" + version++ + "}");
                    collection.put(doc);
                    present.put(id, doc);
                    pending.add(id);
                }
                case 1 -> {
                    if (collection.delete(id)) {
                        pending.add(id);
                    }
                    present.remove(id);
                }
                case 2 -> {
                    store.markSynchronized(store.getChanges(name).stream().filter(c -> c.id().equals(id)).toList());
                    pending.remove(id);
                }
                case 3 -> {
                    store.markSynchronized(store.getChanges(name));
                    pending.clear();
                }
                default -> store.evict();
            }
            check(name, collection, present, pending, steps);
        }
    }

    private void check(String name, DocumentCollection collection, Map<Long, Document> present, Set<Long> pending,
                       List<Step> steps) {
        Set<Object> logged = new HashSet<>();
        store.getChanges(name).forEach(change -> logged.add(change.id()));
        assertEquals(new HashSet<Object>(pending), logged, "the change log holds exactly the pending documents' changes, "
                + "after " + steps);
        for (Change change : store.getChanges(name)) {
            assertTrue(change.operation() != Change.Operation.EVICTED, change.toString());
        }
        for (Long id : pending) {
            Optional<Document> read = collection.get(id);
            Document expected = present.get(id);
            assertEquals(expected == null ? null : expected.getLong("v"), read.map(d -> d.getLong("v")).orElse(null),
                    "pending document " + id + " reads as its last write after " + steps);
        }
        for (Document doc : all(collection)) {
            Document expected = present.get((Long) doc.id());
            assertTrue(expected != null, "document " + doc.id() + " came back after " + steps);
            assertEquals(expected.getLong("v"), doc.getLong("v"), "document " + doc.id() + " after " + steps);
        }
        // synchronized documents may be evicted at any moment, by a pass or in the background
        present.keySet().removeIf(id -> !pending.contains(id) && collection.get(id).isEmpty());
    }

    private static List<Document> all(DocumentCollection collection) {
        return collection.query(Query.all());
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.longs().between(0, 5))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }
}
