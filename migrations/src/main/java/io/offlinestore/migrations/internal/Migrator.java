package io.offlinestore.migrations.internal;

import static io.offlinestore.migrations.internal.KnownMigrations.name;

import io.offlinestore.OfflineStore;
import io.offlinestore.Transaction;
import io.offlinestore.migrations.AppliedMigration;
import io.offlinestore.migrations.IrreversibleMigrationException;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationException;
import io.offlinestore.migrations.MigrationPreview;
import io.offlinestore.migrations.MigrationProgress;
import io.offlinestore.migrations.MigrationStatus;
import io.offlinestore.query.Query;
import io.offlinestore.spi.UntrackedWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a store between schema versions: reads where it stands from the {@link History},
 * validates the history against the known migrations, and runs each migration's {@code up} (or
 * {@code down}) through a {@link BatchedContext}, recording it when it completes.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final OfflineStore store;
    private final UntrackedWrites untracked;
    private final Map<Integer, Migration> migrations;
    private final History history;
    private final int batchSize;
    private final Consumer<MigrationProgress> listener;
    private final Clock clock = Clock.systemUTC();

    public Migrator(OfflineStore store, UntrackedWrites untracked, List<Migration> migrations, int batchSize,
                    Consumer<MigrationProgress> listener) {
        this.store = store;
        this.untracked = untracked;
        this.migrations = KnownMigrations.checked(migrations).stream()
                .collect(Collectors.toMap(Migration::version, Function.identity()));
        this.history = new History(store);
        this.batchSize = batchSize;
        this.listener = listener;
    }

    /** The store's schema version: the newest in its history; 1 for a store with data and no history; 0 for a new one. */
    public int storedVersion() {
        return storedVersion(history.applied());
    }

    private int storedVersion(List<AppliedMigration> applied) {
        if (!applied.isEmpty()) {
            return applied.get(applied.size() - 1).version();
        }
        boolean empty = store.collectionNames().stream()
                .filter(name -> !name.equals(History.COLLECTION))
                .allMatch(name -> store.collection(name).query(Query.all().limit(1)).isEmpty());
        return empty ? 0 : 1;
    }

    /** Where the store stands against {@code target}. */
    public MigrationStatus status(int target) {
        List<AppliedMigration> applied = history.applied();
        int stored = Math.max(1, storedVersion(applied));
        List<Migration> pending = new ArrayList<>();
        for (int v = stored + 1; v <= target; v++) {
            Optional.ofNullable(migrations.get(v)).ifPresent(pending::add);
        }
        return new MigrationStatus(stored, target, applied, pending, problems(applied, stored),
                history.checkpoint().map(Checkpoint::version).orElse(0));
    }

    /**
     * Checks the history against the known migrations, as Flyway does.
     *
     * @throws MigrationException listing every applied migration that went missing or changed
     */
    public void validate() {
        List<AppliedMigration> applied = history.applied();
        List<String> problems = problems(applied, storedVersion(applied));
        if (!problems.isEmpty()) {
            throw new MigrationException("the migration history does not match the migrations: "
                    + String.join("; ", problems));
        }
    }

    private List<String> problems(List<AppliedMigration> applied, int stored) {
        List<String> problems = new ArrayList<>();
        int baseline = applied.stream().filter(AppliedMigration::baseline).mapToInt(AppliedMigration::version).max()
                .orElse(1);
        for (AppliedMigration entry : applied) {
            if (entry.baseline()) {
                continue;
            }
            Migration known = migrations.get(entry.version());
            if (known == null) {
                problems.add("applied migration V" + entry.version() + " '" + entry.description() + "' is missing");
            } else if (!known.checksum().equals(entry.checksum())) {
                problems.add("migration " + name(known) + " changed since it was applied: checksum " + entry.checksum()
                        + " recorded, " + known.checksum() + " now");
            }
        }
        for (Migration known : migrations.values()) {
            boolean recorded = applied.stream().anyMatch(a -> a.version() == known.version());
            if (known.version() > baseline && known.version() <= stored && !recorded) {
                problems.add("migration " + name(known) + " was never applied but the store is at version " + stored);
            }
        }
        return problems;
    }

    /**
     * Runs the migrations from the stored version to {@code target}: {@code up} in version order
     * when it is higher, {@code down} in reverse order when it is lower. A new store records
     * {@code target} as its baseline and runs nothing; a store without history opened at version
     * 1 is left without one, so that plain stores gain no history collection.
     *
     * @return the migrations run
     * @throws MigrationException naming the migration that failed, or a gap in the versions
     */
    public List<AppliedMigration> migrateTo(int target) {
        List<AppliedMigration> applied = history.applied();
        if (applied.isEmpty() && target == 1) {
            return List.of();
        }
        int stored = storedVersion(applied);
        if (stored == 0) {
            record(untracked::beginUntracked, tx -> history.recordApplied(tx, baseline(target, "created at version " + target)));
            LOG.info("new store recorded at schema version {}", target);
            return List.of();
        }
        if (!migrations.isEmpty() || applied.stream().anyMatch(a -> !a.baseline())) {
            validate();
        }
        if (stored == target) {
            return List.of();
        }
        boolean up = target > stored;
        List<Migration> plan = plan(stored, target, up);
        Optional<Checkpoint> checkpoint = history.checkpoint();
        if (checkpoint.isPresent() && (checkpoint.get().up() != up || checkpoint.get().version() != plan.get(0).version())) {
            throw new MigrationException("migration V" + checkpoint.get().version() + " was interrupted "
                    + (checkpoint.get().up() ? "on its way up" : "on its way down") + "; finish it first by migrating "
                    + (checkpoint.get().up() ? "to version " + checkpoint.get().version()
                    : "down to version " + (checkpoint.get().version() - 1)));
        }
        if (applied.isEmpty()) {
            record(untracked::beginUntracked, tx -> history.recordApplied(tx, baseline(1, "existing store without history")));
        }
        List<AppliedMigration> done = new ArrayList<>();
        Checkpoint resume = checkpoint.orElse(null);
        int current = stored;
        for (Migration migration : plan) {
            done.add(run(migration, up, resume, current));
            resume = null;
            current = up ? migration.version() : migration.version() - 1;
        }
        return done;
    }

    private List<Migration> plan(int stored, int target, boolean up) {
        List<Migration> plan = new ArrayList<>();
        int from = up ? stored + 1 : stored;
        int to = up ? target : target + 1;
        for (int v = from; up ? v <= to : v >= to; v += up ? 1 : -1) {
            Migration migration = migrations.get(v);
            if (migration == null) {
                throw new MigrationException("no migration has version " + v + ", needed to go from version " + stored
                        + " to " + target);
            }
            plan.add(migration);
        }
        return plan;
    }

    private AppliedMigration run(Migration migration, boolean up, Checkpoint resume, int current) {
        Supplier<Transaction> transactions = migration.recordsChanges() ? store::beginTransaction : untracked::beginUntracked;
        BatchedContext context = new BatchedContext(store, migration, up, history, transactions, resume, batchSize);
        context.progress(listener);
        long started = System.nanoTime();
        LOG.info("{} migration {}{}", up ? "applying" : "reverting", name(migration),
                resume == null ? "" : " from its checkpoint (step " + resume.step() + ")");
        try {
            if (up) {
                migration.up(context);
            } else {
                migration.down(context);
            }
        } catch (IrreversibleMigrationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(migration, up, current, context, e);
        }
        AppliedMigration applied = new AppliedMigration(migration.version(), migration.description(),
                migration.checksum(), Instant.now(clock), (System.nanoTime() - started) / 1_000_000, context.documents(),
                false);
        record(transactions, tx -> {
            if (up) {
                history.recordApplied(tx, applied);
            } else {
                history.recordReverted(tx, migration.version());
            }
        });
        LOG.info("{} migration {}: {} documents in {} ms", up ? "applied" : "reverted", name(migration),
                applied.documents(), applied.durationMillis());
        return applied;
    }

    private static MigrationException failed(Migration migration, boolean up, int current, BatchedContext context,
                                             RuntimeException cause) {
        String message = "migration " + name(migration) + (up ? "" : " (down)") + " failed: " + cause.getMessage()
                + "; the store stays at version " + current
                + (context.documents() == 0 ? ", nothing of it was written"
                : "; " + context.documents() + " documents of it were committed in whole batches, and the next run"
                + " resumes it from its checkpoint");
        return new MigrationException(message, cause);
    }

    /** Previews the migrations from the stored version up to {@code target}, writing nothing. */
    public List<MigrationPreview> dryRun(int target) {
        int stored = Math.max(1, storedVersion());
        if (target <= stored) {
            return List.of();
        }
        List<MigrationPreview> previews = new ArrayList<>();
        for (Migration migration : plan(stored, target, true)) {
            PreviewContext context = new PreviewContext(store, migration, 3);
            context.progress(listener);
            migration.up(context);
            previews.add(context.preview());
        }
        return previews;
    }

    private AppliedMigration baseline(int version, String description) {
        return new AppliedMigration(version, description, "", Instant.now(clock), 0, 0, true);
    }

    private static void record(Supplier<Transaction> transactions, Consumer<Transaction> work) {
        try (Transaction tx = transactions.get()) {
            work.accept(tx);
            tx.commit();
        }
    }
}
