package io.offlinestore.sync.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.server.InMemorySyncStorage;
import io.offlinestore.sync.server.LaneHead;
import io.offlinestore.sync.server.ServerDocument;
import io.offlinestore.sync.server.SyncStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's storage, recording every committed document write for the invariants; can be
 * told to forget its dedup table (a planted bug).
 */
final class RecordingStorage implements SyncStorage {
    private final InMemorySyncStorage delegate = new InMemorySyncStorage();
    private final boolean skipDedup;
    private final List<ServerDocument> history = new ArrayList<>();

    RecordingStorage(boolean skipDedup) {
        this.skipDedup = skipDedup;
    }

    /** Every document state written, in commit order. */
    List<ServerDocument> history() {
        return history;
    }

    /** The current live (non-deleted) body of every document of a collection. */
    List<ServerDocument> live(String collection) {
        return delegate.changedAfter(collection, 0, Integer.MAX_VALUE).stream().filter(d -> !d.deleted()).toList();
    }

    @Override
    public <T> T transact(Function<Transaction, T> work) {
        List<ServerDocument> written = new ArrayList<>();
        T result = delegate.transact(tx -> work.apply(new Transaction() {
            @Override
            public Optional<ServerDocument> document(DocumentRef document) {
                return tx.document(document);
            }

            @Override
            public void write(ServerDocument document) {
                written.add(document);
                tx.write(document);
            }

            @Override
            public long nextSequence() {
                return tx.nextSequence();
            }

            @Override
            public Optional<LaneHead> laneHead(String clientId, DocumentRef document) {
                return skipDedup ? Optional.empty() : tx.laneHead(clientId, document);
            }

            @Override
            public void recordProcessed(MutationKey key, long version, Instant at) {
                tx.recordProcessed(key, version, at);
            }
        }));
        history.addAll(written);
        return result;
    }

    @Override
    public List<ServerDocument> changedAfter(String collection, long afterSequence, int limit) {
        return delegate.changedAfter(collection, afterSequence, limit);
    }

    @Override
    public long countChangedAfter(String collection, long afterSequence) {
        return delegate.countChangedAfter(collection, afterSequence);
    }

    @Override
    public long purgedThrough(String collection) {
        return delegate.purgedThrough(collection);
    }

    @Override
    public void purge(Instant tombstonesBefore, Instant keysBefore) {
        delegate.purge(tombstonesBefore, keysBefore);
    }

    static ObjectNode body(ServerDocument document) {
        return document.deleted() ? null : document.body();
    }
}
