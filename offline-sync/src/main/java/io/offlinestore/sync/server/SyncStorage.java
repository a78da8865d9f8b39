package io.offlinestore.sync.server;

import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.MutationKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a {@link SyncServer} keeps its state: documents with versions, the commit sequence, and
 * the dedup table of processed mutation keys, looked up by lane (client and document). An
 * implementation must make each {@link #transact} call atomic and serialisable, and durable when
 * it returns.
 */
public interface SyncStorage {

    /** Runs {@code work} as one atomic, serialisable transaction and returns its result. */
    <T> T transact(Function<Transaction, T> work);

    /**
     * Up to {@code limit} documents of a collection whose last write has a sequence greater than
     * {@code afterSequence}, in sequence order (each document once, at its latest state).
     */
    List<ServerDocument> changedAfter(String collection, long afterSequence, int limit);

    /** How many documents of a collection changed after the sequence. */
    long countChangedAfter(String collection, long afterSequence);

    /**
     * The highest sequence of a tombstone purged from the collection ({@code 0} if none): a pull
     * from an older checkpoint might miss a delete.
     */
    long purgedThrough(String collection);

    /**
     * Removes tombstones last written before {@code tombstonesBefore} and dedup entries recorded
     * before {@code keysBefore}.
     */
    void purge(Instant tombstonesBefore, Instant keysBefore);

    /** The operations of one storage transaction. */
    interface Transaction {

        /** The document's current state, tombstones included. */
        Optional<ServerDocument> document(DocumentRef document);

        /** Stores a document state (its sequence comes from {@link #nextSequence}). */
        void write(ServerDocument document);

        /** The next commit sequence, larger than every sequence handed out before. */
        long nextSequence();

        /**
         * The latest processed mutation (highest key sequence) of the client to the document, if its
         * key is still kept: the dedup table answers replays and superseded writes from it.
         */
        Optional<LaneHead> laneHead(String clientId, DocumentRef document);

        /** Records that a mutation produced a version. */
        void recordProcessed(MutationKey key, long version, Instant at);
    }
}
