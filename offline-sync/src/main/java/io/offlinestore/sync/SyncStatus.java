package io.offlinestore.sync;

import java.time.Instant;

/**
 * A snapshot of a {@link SyncEngine}.
 *
 * @param state     what it is doing
 * @param lastSync  when the last sync completed without error (client clock), null if never
 * @param pending   local document changes waiting to be pushed
 * @param conflicts stored conflicts waiting for {@link SyncEngine#resolveConflict}
 * @param lastError the last sync's error, null if it completed
 */
public record SyncStatus(State state, Instant lastSync, int pending, int conflicts, String lastError) {

    /** What the engine is doing. */
    public enum State {
        /** Not running periodically; syncs only when asked. */
        STOPPED,
        /** Running periodically, waiting for the next sync. */
        IDLE,
        /**
         * Running periodically, but the connectivity monitor reports offline: periodic syncs are
         * skipped until it reports online, which starts one.
         */
        OFFLINE,
        /** A sync is in progress. */
        SYNCING
    }
}
