package io.offlinestore.migrations.internal;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.migrations.AppliedMigration;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration history and checkpoint, kept as documents of the store's
 * {@value #COLLECTION} collection so that a batch and its checkpoint commit together.
 */
public final class History {
    /** The collection holding the history. */
    public static final String COLLECTION = "offline_migrations";
    private static final String CHECKPOINT = "checkpoint";

    private final OfflineStore store;

    public History(OfflineStore store) {
        this.store = store;
    }

    /** The applied migrations and baseline, by version. */
    public List<AppliedMigration> applied() {
        return collection().query(Query.filter(Filters.where("kind").in("applied", "baseline"))).stream()
                .map(History::entry)
                .sorted(Comparator.comparingInt(AppliedMigration::version))
                .toList();
    }

    /** The checkpoint of an unfinished migration. */
    public Optional<Checkpoint> checkpoint() {
        return collection().get(CHECKPOINT).map(d -> new Checkpoint(d.getInteger("version"),
                d.getBoolean("up"), d.getInteger("step"), d.get("after"), d.getBoolean("finished"),
                d.getLong("documents")));
    }

    /** Writes the checkpoint in {@code tx}. */
    public void saveCheckpoint(Transaction tx, Checkpoint checkpoint) {
        Map<String, Object> fields = base(CHECKPOINT, "checkpoint");
        fields.put("version", checkpoint.version());
        fields.put("up", checkpoint.up());
        fields.put("step", checkpoint.step());
        fields.put("after", checkpoint.after());
        fields.put("finished", checkpoint.finished());
        fields.put("documents", checkpoint.documents());
        tx.collection(COLLECTION).put(Document.of(fields));
    }

    /** Records an applied migration and clears the checkpoint, in {@code tx}. */
    public void recordApplied(Transaction tx, AppliedMigration applied) {
        Map<String, Object> fields = base(key(applied.version()), applied.baseline() ? "baseline" : "applied");
        fields.put("version", applied.version());
        fields.put("description", applied.description());
        fields.put("checksum", applied.checksum());
        fields.put("appliedAt", applied.appliedAt().toString());
        fields.put("durationMillis", applied.durationMillis());
        fields.put("documents", applied.documents());
        DocumentCollection history = tx.collection(COLLECTION);
        history.put(Document.of(fields));
        history.delete(CHECKPOINT);
    }

    /** Removes a reverted migration from the history and clears the checkpoint, in {@code tx}. */
    public void recordReverted(Transaction tx, int version) {
        DocumentCollection history = tx.collection(COLLECTION);
        history.delete(key(version));
        history.delete(CHECKPOINT);
    }

    private Map<String, Object> base(String id, String kind) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(collection().schema().keyPath(), id);
        fields.put("kind", kind);
        return fields;
    }

    private DocumentCollection collection() {
        return store.collection(COLLECTION);
    }

    private static String key(int version) {
        return String.format("V%010d", version);
    }

    private static AppliedMigration entry(Document d) {
        return new AppliedMigration(d.getInteger("version"), d.getString("description"), d.getString("checksum"),
                Instant.parse(d.getString("appliedAt")), d.getLong("durationMillis"), d.getLong("documents"),
                "baseline".equals(d.getString("kind")));
    }
}
