package io.offlinestore.sync.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationResult;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PulledDocument;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import io.offlinestore.sync.protocol.SyncProtocol;
import io.offlinestore.sync.protocol.SyncProtocolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The server side of sync. A push batch is applied all or nothing: every mutation is first
 * checked against the dedup table (a processed key answers DUPLICATE with the version it
 * produced; a key older than its client's latest processed write to the same document is a
 * superseded write arriving late and answers CONFLICT, however its base version compares), the
 * validator (REJECTED) and the document's current version (CONFLICT when the mutation's base
 * version differs); only if every new mutation passes are they all applied,
 * each taking the next commit sequence as its document's new version, with their keys
 * recorded (so a version never repeats, even for a document recreated after its tombstone was
 * purged). A
 * failed batch answers RETRY for its innocent mutations. Pulls page through a collection in
 * commit-sequence order from an opaque checkpoint; a checkpoint older than a tombstone purged
 * since it was issued answers RESET. Thread-safe when its storage is.
 */
public final class SyncServer {
    private final SyncStorage storage;
    private final MutationValidator validator;
    private final Clock clock;
    private final Duration tombstoneRetention;
    private final Duration keyRetention;
    private final int maxPullLimit;

    private SyncServer(Builder builder) {
        this.storage = builder.storage;
        this.validator = builder.validator;
        this.clock = builder.clock;
        this.tombstoneRetention = builder.tombstoneRetention;
        this.keyRetention = builder.keyRetention;
        this.maxPullLimit = builder.maxPullLimit;
    }

    /** A builder over the given storage. */
    public static Builder builder(SyncStorage storage) {
        return new Builder(storage);
    }

    /**
     * Applies a push, batch by batch.
     *
     * @throws SyncProtocolException if the request is of another protocol version or names a document
     *                               twice in one batch; the whole request is checked before any batch
     *                               is applied, so nothing of it is applied then
     */
    public PushResponse push(PushRequest request) {
        SyncProtocol.requireVersion(request.protocolVersion(), "push request");
        for (PushBatch batch : request.batches()) {
            Set<Object> seen = new HashSet<>();
            for (Mutation mutation : batch.mutations()) {
                if (!mutation.key().clientId().equals(request.clientId())) {
                    throw new SyncProtocolException("mutation " + mutation.key() + " is not keyed by the pushing client "
                            + request.clientId());
                }
                if (!seen.add(mutation.document())) {
                    throw new SyncProtocolException("push batch names " + mutation.document() + " twice");
                }
            }
        }
        List<MutationResult> results = new ArrayList<>();
        for (PushBatch batch : request.batches()) {
            results.addAll(storage.transact(tx -> apply(tx, batch)));
        }
        return PushResponse.of(results);
    }

    private List<MutationResult> apply(SyncStorage.Transaction tx, PushBatch batch) {
        Instant now = clock.instant();
        MutationResult[] results = new MutationResult[batch.mutations().size()];
        boolean failed = false;
        for (int i = 0; i < results.length; i++) {
            Mutation mutation = batch.mutations().get(i);
            Optional<LaneHead> head = tx.laneHead(mutation.key().clientId(), mutation.document());
            if (head.isPresent() && head.get().sequence() == mutation.key().sequence()) {
                results[i] = MutationResult.duplicate(mutation.key(), head.get().version());
                continue;
            }
            Optional<ServerDocument> current = tx.document(mutation.document());
            long version = current.map(ServerDocument::version).orElse(0L);
            Optional<String> rejection = validator.rejection(mutation);
            if (head.isPresent() && head.get().sequence() > mutation.key().sequence()) {
                // superseded: a late copy of a write the client had replaced before pushing its lane's head
                results[i] = conflict(mutation, current);
                failed = true;
            } else if (rejection.isPresent()) {
                results[i] = MutationResult.rejected(mutation.key(), version, body(current), rejection.get());
                failed = true;
            } else if (mutation.baseVersion() != version) {
                results[i] = conflict(mutation, current);
                failed = true;
            }
        }
        for (int i = 0; i < results.length; i++) {
            Mutation mutation = batch.mutations().get(i);
            if (results[i] != null) {
                continue;
            }
            if (failed) {
                results[i] = MutationResult.retry(mutation.key(), "another mutation of its batch was not applied");
                continue;
            }
            long version = tx.nextSequence();
            boolean delete = mutation.operation() == Mutation.Operation.DELETE;
            tx.write(new ServerDocument(mutation.document(), version, version, delete,
                    delete ? null : mutation.body().deepCopy(), mutation.key(), now));
            tx.recordProcessed(mutation.key(), version, now);
            results[i] = MutationResult.applied(mutation.key(), version);
        }
        return List.of(results);
    }

    private static MutationResult conflict(Mutation mutation, Optional<ServerDocument> current) {
        return MutationResult.conflict(mutation.key(), current.map(ServerDocument::version).orElse(0L), body(current),
                current.map(doc -> doc.writtenBy().clientId()).orElse(null));
    }

    private static ObjectNode body(Optional<ServerDocument> document) {
        return document.filter(doc -> !doc.deleted()).map(doc -> doc.body().deepCopy()).orElse(null);
    }

    /**
     * Answers a page of a scope's changes after the request's checkpoint.
     *
     * @throws SyncProtocolException if the request is of another protocol version, its checkpoint
     *                               is not one this server issued, or its scope filter is unsupported
     */
    public PullResponse pull(PullRequest request) {
        SyncProtocol.requireVersion(request.protocolVersion(), "pull request");
        ScopeFilter filter = ScopeFilter.compile(request.scope().filter());
        String collection = request.scope().collection();
        Checkpoints.Checkpoint checkpoint = Checkpoints.parse(request.checkpoint());
        long after = checkpoint.sequence();
        int limit = Math.min(request.limit(), maxPullLimit);
        List<ServerDocument> changed = storage.changedAfter(collection, after, limit);
        // read after the page: a tombstone purged while the page was read is never missed
        long purged = storage.purgedThrough(collection);
        if (checkpoint.missesAPurgedTombstone(purged)) {
            return PullResponse.reset();
        }
        List<PulledDocument> documents = new ArrayList<>(changed.size());
        long last = after;
        for (ServerDocument doc : changed) {
            boolean inScope = doc.deleted() || filter.matches(doc.body());
            documents.add(new PulledDocument(doc.document(), doc.version(), doc.deleted(), inScope,
                    inScope && !doc.deleted() ? doc.body().deepCopy() : null));
            last = doc.sequence();
        }
        long remaining = storage.countChangedAfter(collection, last);
        return PullResponse.page(documents, Checkpoints.format(last, purged), remaining > 0, remaining);
    }

    /**
     * Forgets tombstones older than the tombstone retention and processed keys older than the key
     * retention. Call it periodically; clients offline for longer than the tombstone retention
     * are answered RESET.
     */
    public void purge() {
        Instant now = clock.instant();
        storage.purge(now.minus(tombstoneRetention), now.minus(keyRetention));
    }

    /** Configures a {@link SyncServer}. */
    public static final class Builder {
        private final SyncStorage storage;
        private MutationValidator validator = MutationValidator.ACCEPT_ALL;
        private Clock clock = Clock.systemUTC();
        private Duration tombstoneRetention = Duration.ofDays(30);
        private Duration keyRetention = Duration.ofDays(90);
        private int maxPullLimit = 1000;

        private Builder(SyncStorage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        /** Refuses mutations permanently (default: accept all). */
        public Builder validator(MutationValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** The clock for retention (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long tombstones are kept (default 30 days). */
        public Builder tombstoneRetention(Duration retention) {
            this.tombstoneRetention = positive(retention, "tombstone retention");
            return this;
        }

        /**
         * How long processed mutation keys are kept (default 90 days): at least as long as a client
         * may stay offline with unpushed writes.
         */
        public Builder keyRetention(Duration retention) {
            this.keyRetention = positive(retention, "key retention");
            return this;
        }

        /** The largest page a pull returns (default 1000). */
        public Builder maxPullLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("max pull limit must be at least 1, got " + limit);
            }
            this.maxPullLimit = limit;
            return this;
        }

        private static Duration positive(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + value);
            }
            return value;
        }

        /** The server. */
        public SyncServer build() {
            if (keyRetention.compareTo(tombstoneRetention) < 0) {
                throw new IllegalArgumentException("key retention " + keyRetention
                        + " is shorter than tombstone retention " + tombstoneRetention
                        + ": a client back within the tombstone retention could have its replays applied twice");
            }
            return new SyncServer(this);
        }
    }
}
