package io.offlinestore.engine.evict;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.EvictionResult;
import io.offlinestore.EvictionStrategy;
import io.offlinestore.StorageException;
import io.offlinestore.StoreOptions;
import io.offlinestore.engine.catalog.CollectionState;
import io.offlinestore.engine.change.PendingDocuments;
import io.offlinestore.engine.codec.KeyCodec;
import io.offlinestore.engine.codec.RecordFormat;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.id.DocumentIds;
import io.offlinestore.engine.plan.CollectionQuery;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.engine.tx.Committer;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.OnDelete;
import io.offlinestore.schema.Relationship;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Runs eviction: picks the documents each collection's {@link EvictionPolicy} and the store's
 * size limit let go, then removes them in commits of at most {@link #BATCH} documents through
 * the normal commit path ({@link Commit#evict}: index entries removed, no change record,
 * listeners told {@link io.offlinestore.Change.Operation#EVICTED}).
 *
 * <p>Victims are chosen from a scan taken without the write lock; each is checked again inside
 * its commit, under the lock: a document that has gained unsynchronized changes, been written
 * since the scan, or has children through a one-to-many relationship with a delete rule stays.
 * A pass takes a bounded collection (or the store) down to {@link #LOW_WATER} of its bound, so
 * the next pass is not due until a tenth of the bound has been written again.
 */
public final class Evictor {
    /** The most documents one eviction commit removes. */
    static final int BATCH = 256;
    /** The share of a bound a pass evicts down to. */
    static final double LOW_WATER = 0.9;

    private final ReentrantLock passes = new ReentrantLock();
    private final StoreOptions options;
    private final Clock clock;
    private final RecordFormat format;
    private final PendingDocuments pending;
    private final UsageTracker usage;
    private final AccessRecorder access;
    private final Supplier<List<CollectionState>> collections;
    private final Function<String, CollectionState> state;
    private final Function<CollectionState, CollectionQuery> queries;
    private final Committer committer;
    private final Supplier<StorageBackend> view;

    /**
     * @param collections every collection's current state
     * @param state       one collection's current state
     * @param queries     the query path of a collection, as the calling thread should see it
     * @param committer   runs work as one commit under the write lock
     * @param view        the backend as the calling thread should see it (pending commits
     *                    included under the write lock)
     */
    public Evictor(StoreOptions options, Clock clock, RecordFormat format, PendingDocuments pending, UsageTracker usage,
                   AccessRecorder access, Supplier<List<CollectionState>> collections,
                   Function<String, CollectionState> state, Function<CollectionState, CollectionQuery> queries,
                   Committer committer, Supplier<StorageBackend> view) {
        this.options = options;
        this.clock = clock;
        this.format = format;
        this.pending = pending;
        this.usage = usage;
        this.access = access;
        this.collections = collections;
        this.state = state;
        this.queries = queries;
        this.committer = committer;
        this.view = view;
    }

    /**
     * Runs every collection's policy, then the store's size limit. Passes run one at a time (a
     * background pass and {@code store.evict()} would otherwise both choose victims from the same
     * scan and together take a collection far below its bound).
     */
    public EvictionResult run() {
        passes.lock();
        try {
            return runPass();
        } finally {
            passes.unlock();
        }
    }

    private EvictionResult runPass() {
        Tally tally = new Tally();
        long now = clock.millis();
        for (CollectionState collection : collections.get()) {
            EvictionPolicy policy = collection.schema().eviction().orElse(EvictionPolicy.none());
            if (policy.kind() != EvictionPolicy.Kind.NONE) {
                remove(select(policy, scan(collection), now, tally), tally);
            }
        }
        if (options.sizeLimit().isPresent() && options.evictionStrategy() == EvictionStrategy.LRU) {
            long total = committer.write(commit -> usage.totalBytes(collections.get(), view.get()));
            long limit = options.sizeLimit().getAsLong();
            if (total > limit) {
                shrink(total, (long) (limit * LOW_WATER), Map.of(), tally);
            }
        }
        return new EvictionResult(tally.evicted, tally.kept);
    }

    /**
     * Under the write lock, before a commit that needs {@code needed} more bytes: evicts the
     * least recently used documents the strategy allows, leaving those the commit touches, until
     * the commit fits under the limit (and down to the low-water mark if it can).
     */
    public void makeRoom(long needed, Map<String, Set<JsonNode>> excluded) {
        if (options.evictionStrategy() != EvictionStrategy.LRU) {
            return;
        }
        long limit = options.sizeLimit().orElseThrow();
        long total = usage.totalBytes(collections.get(), view.get());
        long target = Math.max(limit - needed, 0);
        long lowWater = (long) (limit * LOW_WATER) - needed;
        shrink(total, lowWater > 0 ? lowWater : target, excluded, new Tally());
    }

    /** Whether the collection has passed its policy's bound, so a pass is due. Call under the write lock. */
    public boolean overBound(CollectionState collection) {
        EvictionPolicy policy = collection.schema().eviction().orElse(null);
        if (policy == null || policy.limit() == 0) {
            return false;
        }
        long[] now = usage.of(collection, view.get());
        return (policy.boundsBytes() ? now[1] : now[0]) > policy.limit();
    }

    private void shrink(long total, long target, Map<String, Set<JsonNode>> excluded, Tally tally) {
        List<Candidate> all = new ArrayList<>();
        for (CollectionState collection : collections.get()) {
            boolean allowed = !collection.name().startsWith("_")
                    && collection.schema().eviction().map(p -> p.kind() != EvictionPolicy.Kind.NONE).orElse(true);
            if (allowed) {
                Set<JsonNode> keep = excluded.getOrDefault(collection.name(), Set.of());
                scan(collection).stream().filter(c -> !keep.contains(c.id())).forEach(all::add);
            }
        }
        all.sort(Comparator.comparingLong(Candidate::recency));
        remove(takeUntil(all, total, target, Candidate::bytes, tally), tally);
    }

    /**
     * The candidates, in order, whose removal brings {@code left} down to {@code target},
     * each weighing what {@code weight} says; pending ones are passed over and counted as kept.
     */
    private static List<Candidate> takeUntil(List<Candidate> order, long left, long target,
                                             ToLongFunction<Candidate> weight, Tally tally) {
        List<Candidate> victims = new ArrayList<>();
        for (Candidate candidate : order) {
            if (left <= target) {
                break;
            }
            if (candidate.pending()) {
                tally.kept++;
            } else {
                victims.add(candidate);
                left -= weight.applyAsLong(candidate);
            }
        }
        return victims;
    }

    private List<Candidate> select(EvictionPolicy policy, List<Candidate> candidates, long now, Tally tally) {
        List<Candidate> victims = new ArrayList<>();
        if (policy.kind() == EvictionPolicy.Kind.MAX_AGE) {
            long cutoff = now - policy.maxAge().toMillis();
            for (Candidate candidate : candidates) {
                if (candidate.updatedAt() < cutoff) {
                    if (candidate.pending()) {
                        tally.kept++;
                    } else {
                        victims.add(candidate);
                    }
                }
            }
            return victims;
        }
        ToLongFunction<Candidate> weight = policy.boundsBytes() ? Candidate::bytes : c -> 1;
        long left = candidates.stream().mapToLong(weight).sum();
        if (left <= policy.limit()) {
            return victims;
        }
        List<Candidate> order = new ArrayList<>(candidates);
        order.sort(Comparator.comparingLong(policy.kind() == EvictionPolicy.Kind.LRU ? Candidate::recency
                : Candidate::updatedAt));
        return takeUntil(order, left, (long) (policy.limit() * LOW_WATER), weight, tally);
    }

    private List<Candidate> scan(CollectionState collection) {
        List<Candidate> out = new ArrayList<>();
        if (!collection.stored()) {
            return out;
        }
        String name = collection.name();
        try (KeyValueCursor cursor = view.get().scan(collection.documentsKeyspace(), KeyRange.all(), false)) {
            while (cursor.hasNext()) {
                KeyValue entry = cursor.next();
                JsonNode id = KeyCodec.decode(entry.key());
                long updatedAt;
                long sequence;
                try {
                    updatedAt = format.updatedAtOf(entry.value());
                    sequence = format.sequenceOf(entry.value());
                } catch (StorageException e) {
                    continue; // a damaged record is left for check() to report
                }
                out.add(new Candidate(name, id, sequence, entry.key().length + (long) entry.value().length, updatedAt,
                        Math.max(updatedAt, access.lastRead(name, id)), pending.contains(name, DocumentIds.toJava(id))));
            }
        }
        return out;
    }

    private void remove(List<Candidate> victims, Tally tally) {
        for (int from = 0; from < victims.size(); from += BATCH) {
            List<Candidate> chunk = victims.subList(from, Math.min(victims.size(), from + BATCH));
            List<Candidate> evicted = committer.write(commit -> {
                List<Candidate> done = new ArrayList<>();
                for (Candidate candidate : chunk) {
                    CollectionState current = commit.collection(state.apply(candidate.collection()));
                    if (pending.contains(candidate.collection(), DocumentIds.toJava(candidate.id()))
                            || referenced(current, candidate.id())) {
                        tally.kept++;
                    } else if (unchanged(commit, current, candidate) && commit.evict(current, candidate.id())) {
                        done.add(candidate);
                    }
                }
                return done;
            });
            for (Candidate candidate : evicted) {
                tally.evicted.merge(candidate.collection(), 1L, Long::sum);
                access.forget(candidate.collection(), candidate.id());
            }
        }
    }

    private static boolean unchanged(Commit commit, CollectionState collection, Candidate candidate) {
        try {
            StoredRecord record = commit.read(collection, candidate.id());
            return record != null && record.sequence() == candidate.sequence();
        } catch (StorageException e) {
            return false;
        }
    }

    /** Whether children refer to the document through a one-to-many relationship with a delete rule. */
    private boolean referenced(CollectionState parent, JsonNode id) {
        for (Relationship relationship : parent.schema().relationships()) {
            if (relationship.type() == Relationship.Type.ONE_TO_MANY && relationship.onDelete() != OnDelete.NONE) {
                CollectionQuery target = queries.apply(state.apply(relationship.target()));
                Query children = target.transform().seal(Query.filter(Filters.where(relationship.foreignKey()).eq(id)))
                        .limit(1);
                try (Stream<StoredRecord> found = target.records(children)) {
                    if (found.findAny().isPresent()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What a pass did. */
    private static final class Tally {
        final Map<String, Long> evicted = new TreeMap<>();
        long kept;
    }
}
