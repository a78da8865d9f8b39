package io.offlinestore;

/**
 * Told about committed changes, after commit, in commit order, on the store's notification
 * thread (never the writer's). An exception thrown by a listener is logged and affects neither
 * the commit nor other listeners.
 */
@FunctionalInterface
public interface ChangeListener {
    void onChange(Change change);
}
