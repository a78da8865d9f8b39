package io.offlinestore.sync;

/**
 * Decides a conflict in code, instead of a fixed {@link ConflictStrategy}: return
 * {@link Resolution#keepLocal()}, {@link Resolution#keepRemote()}, {@link Resolution#merged} or
 * {@link Resolution#manual()} to store the conflict for a person. Runs on the sync thread; must
 * not write to the store itself.
 */
@FunctionalInterface
public interface ConflictResolver {

    /** How to settle the conflict. */
    Resolution resolve(Conflict conflict);
}
