package io.offlinestore.sync.engine;

/**
 * Known sync bugs the engine can be told to commit on purpose, so tests prove the simulator
 * catches them. Never enabled outside tests.
 */
public enum PlantedBug {
    /** Commit a pulled page's checkpoint in its own transaction before the page itself. */
    CHECKPOINT_BEFORE_COMMIT,
    /** Push a merged resolution before committing it locally, reusing the conflicting mutation's key. */
    PUSH_BEFORE_COMMIT
}
