package io.offlinestore.sync.engine;

/** The local commits the engine makes, named for {@link EngineHooks}. */
public enum CommitPoint {
    /** The client id is first stored. */
    CLIENT_ID,
    /** Server versions of acknowledged pushes are recorded. */
    PUSH_ACK,
    /** Pushed or settled changes are marked synchronized in the change log. */
    MARK_SYNCED,
    /** A conflict resolution is written locally. */
    RESOLUTION,
    /** A conflict is stored for manual resolution. */
    CONFLICT_STORED,
    /** A pulled page is committed with its checkpoint. */
    PULL_PAGE,
    /** A checkpoint is written on its own (after a RESET). */
    CHECKPOINT
}
