package io.offlinestore.sync.engine;

/**
 * Test seam: told around every local commit the engine makes (a simulator throws from here to
 * kill the client at a commit boundary) and asked which {@link PlantedBug}s to commit.
 */
public interface EngineHooks {

    /** No hooks: what production uses. */
    EngineHooks NONE = new EngineHooks() {
    };

    /** Just before the commit. */
    default void beforeCommit(CommitPoint point) {
    }

    /** Just after the commit returned. */
    default void afterCommit(CommitPoint point) {
    }

    /** Whether to commit the bug. */
    default boolean planted(PlantedBug bug) {
        return false;
    }
}
