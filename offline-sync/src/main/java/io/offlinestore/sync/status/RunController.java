package io.offlinestore.sync.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * What the {@code /api/offline/sync} endpoints of the {@link io.offlinestore.sync.StatusServer}
 * drive: a run now, automatic runs, the conflict strategy, and a status to show. The queue runner
 * implements it ({@link QueueRunController}), document sync too ({@link SyncRunController}), and
 * {@link QueueAndSyncRunController} drives both.
 */
public interface RunController {

    /** Runs the due work now and returns a JSON summary of what it did. */
    ObjectNode runNow();

    /** A JSON summary of the state of the work (automatic or not, last and next run, ...). */
    ObjectNode status();

    /** Runs the work every {@code interval} until {@link #stopAuto()}. */
    void startAuto(Duration interval);

    /** Stops automatic runs. */
    void stopAuto();

    /**
     * Sets how conflicts are to be resolved.
     *
     * @throws io.offlinestore.sync.InvalidOperationException if the strategy is unknown
     */
    void conflictStrategy(String strategy);
}
