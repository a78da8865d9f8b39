package io.offlinestore.migrations.internal;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.migrations.Migration;
import io.offlinestore.query.Direction;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import java.util.List;
import java.util.function.Supplier;

/**
 * Applies a migration's steps: each scan reads a page of documents after the last one done (in
 * id order) and commits their changes in one transaction together with the checkpoint, so that
 * a crash loses no batch and repeats none. Steps the checkpoint shows as done are skipped.
 */
final class BatchedContext extends StepContext {
    private final History history;
    private final Supplier<Transaction> transactions;
    private final boolean up;
    private final int batchSize;
    private final Checkpoint resume;
    private long documents;

    BatchedContext(OfflineStore store, Migration migration, boolean up, History history,
                   Supplier<Transaction> transactions, Checkpoint resume, int batchSize) {
        super(store, migration);
        this.history = history;
        this.transactions = transactions;
        this.up = up;
        this.batchSize = batchSize;
        this.resume = resume;
        this.documents = resume == null ? 0 : resume.documents();
    }

    /** The documents changed so far, including before a resume. */
    long documents() {
        return documents;
    }

    @Override
    protected void scan(int step, String collection, Filter filter, DocumentStep work) {
        if (resume != null && (step < resume.step() || step == resume.step() && resume.finished())) {
            return;
        }
        Object after = resume != null && step == resume.step() ? resume.after() : null;
        DocumentCollection source = store.collection(collection);
        String key = source.schema().keyPath();
        long scanned = 0;
        long changed = 0;
        while (true) {
            Filter page = after == null ? filter : Filters.and(filter, Filters.where(key).gt(after));
            List<Document> documentsOfPage = source.query(Query.filter(page).sort(key, Direction.ASC).limit(batchSize));
            if (documentsOfPage.isEmpty()) {
                break;
            }
            after = documentsOfPage.get(documentsOfPage.size() - 1).id();
            long changedInBatch = commit(step, documentsOfPage, work, after);
            scanned += documentsOfPage.size();
            changed += changedInBatch;
            report(step, collection, scanned, changed);
            if (documentsOfPage.size() < batchSize) {
                break;
            }
        }
    }

    private long commit(int step, List<Document> page, DocumentStep work, Object after) {
        try (Transaction tx = transactions.get()) {
            TransactionWrites writes = new TransactionWrites(tx);
            long changed = 0;
            for (Document document : page) {
                long before = writes.writes();
                work.apply(document, writes);
                if (writes.writes() > before) {
                    changed++;
                }
            }
            long total = documents + changed;
            history.saveCheckpoint(tx, new Checkpoint(migration.version(), up, step, after, false, total));
            tx.commit();
            documents = total;
            return changed;
        }
    }

    @Override
    protected void schema(int step, String description, Runnable change) {
        if (resume != null && step <= resume.step()) {
            return;
        }
        change.run();
        try (Transaction tx = transactions.get()) {
            history.saveCheckpoint(tx, new Checkpoint(migration.version(), up, step, null, true, documents));
            tx.commit();
        }
    }

    /** Writes into a batch's transaction, counting the writes. */
    private static final class TransactionWrites implements DocumentWrites {
        private final Transaction tx;
        private long writes;

        TransactionWrites(Transaction tx) {
            this.tx = tx;
        }

        @Override
        public void put(String collection, Document document) {
            tx.collection(collection).put(document);
            writes++;
        }

        @Override
        public void delete(String collection, Object id) {
            tx.collection(collection).delete(id);
            writes++;
        }

        long writes() {
            return writes;
        }
    }
}
