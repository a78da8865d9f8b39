package io.offlinestore.engine.tx;

import java.util.function.Function;

/** Runs work as one {@link Commit} under the store's write lock and applies it atomically. */
@FunctionalInterface
public interface Committer {
    /** The work's result, once the commit it filled has been applied. */
    <R> R write(Function<Commit, R> work);
}
