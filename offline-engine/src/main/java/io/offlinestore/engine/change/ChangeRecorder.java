package io.offlinestore.engine.change;

import io.offlinestore.Change;
import io.offlinestore.engine.catalog.Keyspaces;
import io.offlinestore.spi.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes of one commit, numbered in the order they are recorded: each is kept for the
 * listeners and, when its collection tracks changes, appended to the change log in the commit's
 * batch.
 */
public final class ChangeRecorder {
    private final long sequence;
    private final Instant time;
    private final String transactionId;
    private final List<Change> changes = new ArrayList<>();
    private final List<Change> logged = new ArrayList<>();

    /**
     * @param sequence      the commit's sequence number
     * @param now           the commit time, epoch milliseconds
     * @param transactionId recorded on each change
     */
    public ChangeRecorder(long sequence, long now, String transactionId) {
        this.sequence = sequence;
        this.time = Instant.ofEpochMilli(now);
        this.transactionId = transactionId;
    }

    /**
     * Records a change of a document.
     *
     * @param tracked whether the collection keeps its changes in the log
     */
    public void record(String collection, Object id, Change.Operation operation, long version, boolean tracked,
                       WriteBatch batch) {
        Change change = new Change(sequence, changes.size(), collection, id, operation, version, time, transactionId);
        changes.add(change);
        if (tracked) {
            batch.insert(Keyspaces.CHANGES, ChangeLog.key(change), ChangeLog.encode(change)); // sequences only grow
            logged.add(change);
        }
    }

    /** The changes written to the change log, in order. */
    public List<Change> logged() {
        return logged;
    }

    /** The changes recorded, in order. */
    public List<Change> changes() {
        return changes;
    }
}
