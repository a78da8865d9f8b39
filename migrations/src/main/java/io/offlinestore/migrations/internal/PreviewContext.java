package io.offlinestore.migrations.internal;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationPreview;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a migration's steps without writing: counts the documents each scan would change, keeps
 * a few samples before and after, and lists the schema steps.
 */
final class PreviewContext extends StepContext {
    private final int maxSamples;
    private final List<String> schemaSteps = new ArrayList<>();
    private final List<MigrationPreview.Sample> samples = new ArrayList<>();
    private long changed;

    PreviewContext(OfflineStore store, Migration migration, int maxSamples) {
        super(store, migration);
        this.maxSamples = maxSamples;
    }

    /** What the migration would do. */
    MigrationPreview preview() {
        return new MigrationPreview(migration.version(), migration.description(), changed, List.copyOf(schemaSteps),
                List.copyOf(samples));
    }

    @Override
    protected void scan(int step, String collection, Filter filter, DocumentStep work) {
        long scanned = 0;
        long changedByStep = 0;
        try (var documents = store.collection(collection).stream(Query.filter(filter))) {
            for (Document document : (Iterable<Document>) documents::iterator) {
                Sampler sampler = new Sampler(collection, document);
                work.apply(document, sampler);
                scanned++;
                if (sampler.wrote) {
                    changedByStep++;
                }
            }
        }
        changed += changedByStep;
        report(step, collection, scanned, changedByStep);
    }

    @Override
    protected void schema(int step, String description, Runnable change) {
        schemaSteps.add(description);
    }

    /** Notes whether a document would be written, and keeps the first few as samples. */
    private final class Sampler implements DocumentWrites {
        private final String collection;
        private final Document before;
        private boolean wrote;

        Sampler(String collection, Document before) {
            this.collection = collection;
            this.before = before;
        }

        @Override
        public void put(String target, Document document) {
            sample(target, document.toJson());
        }

        @Override
        public void delete(String target, Object id) {
            sample(target, null);
        }

        private void sample(String target, String after) {
            if (!wrote && samples.size() < maxSamples) {
                samples.add(new MigrationPreview.Sample(target.equals(collection) ? target : collection + " -> " + target,
                        before.toJson(), after));
            }
            wrote = true;
        }
    }
}
