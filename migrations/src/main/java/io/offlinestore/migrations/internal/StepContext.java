package io.offlinestore.migrations.internal;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationContext;
import io.offlinestore.migrations.MigrationException;
import io.offlinestore.migrations.MigrationProgress;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.schema.IndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The helpers of {@link MigrationContext} expressed as numbered steps of two kinds: a scan of a
 * collection applying a {@link DocumentStep}, and a schema change. Subclasses apply the steps
 * ({@link BatchedContext}) or preview them ({@link PreviewContext}).
 */
abstract class StepContext implements MigrationContext {
    protected final OfflineStore store;
    protected final Migration migration;
    private final List<Consumer<MigrationProgress>> listeners = new ArrayList<>();
    private int steps;

    StepContext(OfflineStore store, Migration migration) {
        this.store = store;
        this.migration = migration;
    }

    /** Scans the documents of {@code collection} matching {@code filter} in id order through {@code step}. */
    protected abstract void scan(int step, String collection, Filter filter, DocumentStep work);

    /** Runs a schema change, which must do nothing when already done. */
    protected abstract void schema(int step, String description, Runnable change);

    @Override
    public DocumentCollection collection(String name) {
        return store.collection(name);
    }

    @Override
    public void addField(String collection, String path, Object defaultValue) {
        scan(++steps, collection, Filters.all(), (doc, writes) -> {
            if (!doc.has(path)) {
                writes.put(collection, doc.with(path, defaultValue));
            }
        });
    }

    @Override
    public void renameField(String collection, String from, String to) {
        scan(++steps, collection, Filters.all(), (doc, writes) -> {
            if (doc.has(from)) {
                writes.put(collection, doc.without(from).with(to, doc.getNode(from)));
            }
        });
    }

    @Override
    public void removeField(String collection, String path) {
        scan(++steps, collection, Filters.all(), (doc, writes) -> {
            if (doc.has(path)) {
                writes.put(collection, doc.without(path));
            }
        });
    }

    @Override
    public void transform(String collection, Filter filter, UnaryOperator<Document> transform) {
        Objects.requireNonNull(transform, "transform");
        scan(++steps, collection, Objects.requireNonNull(filter, "filter"), (doc, writes) -> {
            Document after = transform.apply(doc);
            if (after == null) {
                writes.delete(collection, doc.id());
            } else if (!Objects.equals(after.id(), doc.id())) {
                throw new MigrationException("the transform of '" + collection + "' changed the id of document "
                        + doc.id() + " to " + after.id());
            } else if (!after.equals(doc)) {
                writes.put(collection, after);
            }
        });
    }

    @Override
    public void deleteWhere(String collection, Filter filter) {
        scan(++steps, collection, Objects.requireNonNull(filter, "filter"),
                (doc, writes) -> writes.delete(collection, doc.id()));
    }

    @Override
    public void createIndex(String collection, IndexDefinition index) {
        schema(++steps, "create index " + index.name() + " on " + collection, () -> {
            DocumentCollection target = store.collection(collection);
            if (target.schema().indexes().stream().noneMatch(i -> i.name().equals(index.name()))) {
                target.createIndex(index);
            }
        });
    }

    @Override
    public void dropIndex(String collection, String name) {
        schema(++steps, "drop index " + name + " on " + collection, () -> store.collection(collection).dropIndex(name));
    }

    @Override
    public void copyCollection(String from, String to) {
        copyIndexes(from, to);
        scan(++steps, from, Filters.all(), (doc, writes) -> writes.put(to, doc));
    }

    @Override
    public void renameCollection(String from, String to) {
        copyIndexes(from, to);
        scan(++steps, from, Filters.all(), (doc, writes) -> {
            writes.put(to, doc);
            writes.delete(from, doc.id());
        });
    }

    private void copyIndexes(String from, String to) {
        for (IndexDefinition index : store.collection(from).schema().indexes()) {
            createIndex(to, index);
        }
    }

    @Override
    public void progress(Consumer<MigrationProgress> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Tells the listeners where the migration is. */
    protected void report(int step, String collection, long scanned, long changed) {
        MigrationProgress progress = new MigrationProgress(migration.version(), migration.description(), step,
                collection, scanned, changed);
        listeners.forEach(l -> l.accept(progress));
    }
}
